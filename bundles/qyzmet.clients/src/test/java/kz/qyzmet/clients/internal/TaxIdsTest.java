package kz.qyzmet.clients.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaxIdsTest {

    @Test
    void theCheckDigitIsTheWeightedSumModulo11() {
        // 8*1 + 6*2 + 0*3 + 5*4 + 1*5 + 5*6 + 3*7 + 0*8 + 1*9 + 2*10 + 3*11 = 158; 158 mod 11 = 4
        assertEquals(4, TaxIds.checkDigit("86051530123"));
        assertTrue(TaxIds.valid("860515301234"));
        assertFalse(TaxIds.valid("860515301235"), "a wrong check digit");
        assertFalse(TaxIds.valid("86051530123"), "too short");
        assertFalse(TaxIds.valid("86051530123A"), "not only digits");
        assertFalse(TaxIds.valid(null));
    }

    @Test
    void whenTheFirstWeightingGivesTenTheSecondDecides() {
        // weights 1..11 give 10 for these digits; weights 3..11,1,2 give 0
        assertEquals(0, TaxIds.checkDigit("37783533740"));
        assertTrue(TaxIds.valid("377835337400"));
        assertFalse(TaxIds.valid("377835337401"));
    }

    @Test
    void digitsThatGiveTenTwiceStartNoValidNumber() {
        assertNull(TaxIds.checkDigit("06870986119"));
        for (char last = '0'; last <= '9'; last++) {
            assertFalse(TaxIds.valid("06870986119" + last));
        }
    }
}
