package cn.jxquality.complaint.reward;

import cn.jxquality.complaint.intake.IdType;

/** A record's person for a reward officer's view through case-service; nulls where absent. */
public record Identity(
        boolean anonymous, String name, String mobile, IdType idType, String idNumber, String email, String address) {

    @Override
    public String toString() {
        return "Identity[masked]";
    }
}
