package kz.qyzmet.uploads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RetentionDaysTest {
    @Test
    void daysPerPurpose() {
        assertEquals(Map.of("identity-document", 1826, "selfie", 0), RetentionDays.parse(" identity-document = 1826 ,selfie=0"));
        assertTrue(RetentionDays.parse("").isEmpty(), "nothing named: every purpose kept for good");
    }

    @Test
    void aWrongEntryIsRefusedWithWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetentionDays.parse("identity-document"))
                .getMessage().contains("purpose=days"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetentionDays.parse("a=ten")).getMessage()
                .contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetentionDays.parse("a=-1")).getMessage()
                .contains("negative"));
    }
}
