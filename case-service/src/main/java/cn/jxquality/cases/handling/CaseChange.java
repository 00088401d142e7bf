package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.Visibility;

/**
 * An action as a department or supervisor asked for it: the command, the note for the audit trail with its
 * visibility, and for assign and transfer the department named (null: let routing decide).
 */
public record CaseChange(CaseCommand command, String note, Visibility visibility, String departmentCode) {

    public static CaseChange of(CaseCommand command) {
        return new CaseChange(command, null, Visibility.PUBLIC, null);
    }
}
