package kz.qyzmet.service.withdrawal.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.ProblemException;

class BeneficiaryTest {

    @Test
    void aKazakhIbanIsCheckedForItsFormatAndCheckDigits() {
        assertDoesNotThrow(() -> Beneficiary.requireValid("KZ86601A861000000001"));
        ProblemException digits = assertThrows(ProblemException.class, () -> Beneficiary.requireValid("KZ87601A861000000001"));
        assertEquals("iban", digits.extensions().get("field"));
        assertThrows(ProblemException.class, () -> Beneficiary.requireValid("KZ86601A86100000000"), "19 characters");
        assertThrows(ProblemException.class, () -> Beneficiary.requireValid("XX86601A861000000001"), "no such country");
    }

    @Test
    void spacesAndLowerCaseAreHowPeopleWriteAnIbanNotAnotherOne() {
        assertEquals("KZ86601A861000000001", Beneficiary.normalised("kz86 601a 8610 0000 0001"));
    }
}
