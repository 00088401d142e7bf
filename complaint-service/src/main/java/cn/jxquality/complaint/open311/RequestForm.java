package cn.jxquality.complaint.open311;

import org.jboss.resteasy.reactive.RestForm;

/** The form of {@code POST requests}: the specification's parameters plus our service attributes. */
public class RequestForm {

    @RestForm("api_key")
    public String apiKey;

    @RestForm("service_code")
    public String serviceCode;

    @RestForm("lat")
    public String lat;

    @RestForm("long")
    public String lon;

    @RestForm("address_string")
    public String addressString;

    @RestForm("email")
    public String email;

    @RestForm("first_name")
    public String firstName;

    @RestForm("last_name")
    public String lastName;

    @RestForm("phone")
    public String phone;

    @RestForm("description")
    public String description;

    @RestForm("media_url")
    public String mediaUrl;

    @RestForm("attribute[kind]")
    public String kind;

    @RestForm("attribute[subject_name]")
    public String subjectName;

    @RestForm("attribute[subject_credit_code]")
    public String subjectCreditCode;

    @RestForm("attribute[region_code]")
    public String regionCode;

    @RestForm("attribute[online_platform]")
    public String onlinePlatform;

    @RestForm("attribute[amount_fen]")
    public String amountFen;

    @RestForm("attribute[remedy]")
    public String remedy;

    @RestForm("attribute[anonymous]")
    public String anonymous;

    @RestForm("attribute[reward_requested]")
    public String rewardRequested;

    @RestForm("attribute[consent_publish]")
    public String consentPublish;

    @RestForm("attribute[enterprise_first]")
    public String enterpriseFirst;

    @RestForm("attribute[share_contact]")
    public String shareContact;

    @Override
    public String toString() {
        return "RequestForm[" + serviceCode + ", masked]";
    }
}
