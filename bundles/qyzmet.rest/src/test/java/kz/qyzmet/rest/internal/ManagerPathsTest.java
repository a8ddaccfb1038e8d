package kz.qyzmet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** §35.3: of the operator API a manager only prepares a client's instruction. */
class ManagerPathsTest {

    @Test
    void aManagerPreparesInstructionsAndNothingElse() {
        assertTrue(CallerFilter.managerMay("POST", "operator/instructions"));
        assertTrue(CallerFilter.managerMay("POST", "/operator/services/extract/prepared"));
        assertFalse(CallerFilter.managerMay("GET", "operator/instructions"), "reading others' instructions");
        assertFalse(CallerFilter.managerMay("POST", "operator/queue/1/complete"));
        assertFalse(CallerFilter.managerMay("PUT", "operator/services/extract/state"));
        assertFalse(CallerFilter.managerMay("POST", "operator/services/extract/prepared/../state"));
        assertFalse(CallerFilter.managerMay("POST", "operator/ledger/entries"));
        assertFalse(CallerFilter.managerMay("POST", "operator/identities"));
    }
}
