package cn.jxquality.cases.handling;

/** A command whose content does not fit the case, e.g. a report outcome on a complaint; names the field. */
public class InvalidCommandException extends RuntimeException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
