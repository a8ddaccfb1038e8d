package kz.qyzmet.service.ipo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Pro-rata allocation of an offering in whole lots (issue #17). */
class ProRataTest {

    @Test
    void demandWithinTheOfferingIsAllottedInFull() {
        assertEquals(List.of(10L, 20L), ProRata.allocate(List.of(10L, 20L), 100));
    }

    @Test
    void anOversubscribedOfferingIsSharedInProportion() {
        // 60 asked for 30: each gets half
        assertEquals(List.of(5L, 10L, 15L), ProRata.allocate(List.of(10L, 20L, 30L), 30));
    }

    @Test
    void lotsLeftByRoundingGoToTheLargestRemaindersEarlierFirst() {
        // 10 lots for 3 × 10 asked: 3.33 each, 3 each, one left for the first
        assertEquals(List.of(4L, 3L, 3L), ProRata.allocate(List.of(10L, 10L, 10L), 10));
        // 7 for (1, 1, 5): shares 1, 1, 5 scaled by 7/7 → exactly as asked
        assertEquals(List.of(1L, 1L, 5L), ProRata.allocate(List.of(1L, 1L, 5L), 7));
        // 5 for (3, 3, 3): 1.67 each, 1 each, 2 left for the first two
        assertEquals(List.of(2L, 2L, 1L), ProRata.allocate(List.of(3L, 3L, 3L), 5));
    }

    @Test
    void nobodyGetsMoreThanAskedAndTheSumIsTheOffering() {
        List<Long> asked = List.of(1L, 999L, 37L, 5L, 250L);
        List<Long> allotted = ProRata.allocate(asked, 333);
        assertEquals(333, allotted.stream().mapToLong(Long::longValue).sum());
        for (int i = 0; i < asked.size(); i++) {
            assertTrue(allotted.get(i) <= asked.get(i));
        }
    }
}
