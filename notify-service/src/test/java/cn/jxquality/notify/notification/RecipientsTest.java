package cn.jxquality.notify.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void phoneNumbersAndAddressesAreMaskedDepartmentsAreNot() {
        assertEquals("138****5678", Recipients.maskAddress("13812345678"));
        assertEquals("z***@example.cn", Recipients.maskAddress("zhang.san@example.cn"));
        assertEquals("360100-AMR", Recipients.mask("360100-AMR", RecipientKind.DEPARTMENT));
        assertEquals(
                "citizen:0f8f***",
                Recipients.mask("citizen:0f8fad5b-d9cb-469f-a165-70867728950e", RecipientKind.CITIZEN));
    }
}
