package kz.qyzmet.service.ipo.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pro-rata allocation in whole lots (issue #17): when demand is within the
 * offering everyone gets what they asked; otherwise each gets the lower whole
 * part of their share of the offered lots, and the lots left by rounding go one
 * each to the largest remainders, the earlier subscription first on a tie. No
 * subscriber gets more than asked, and the sum never exceeds the offering.
 */
final class ProRata {
    private ProRata() {
    }

    /** @param requested lots asked, in subscription order; returns the lots allotted, in the same order */
    static List<Long> allocate(List<Long> requested, long offered) {
        long demand = requested.stream().mapToLong(Long::longValue).sum();
        if (demand <= offered) {
            return List.copyOf(requested);
        }
        List<Long> allotted = new ArrayList<>();
        List<long[]> remainders = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < requested.size(); i++) {
            // exact integer arithmetic: lots × offered may exceed a long for large books
            BigInteger[] share = BigInteger.valueOf(requested.get(i)).multiply(BigInteger.valueOf(offered))
                    .divideAndRemainder(BigInteger.valueOf(demand));
            allotted.add(share[0].longValueExact());
            given += share[0].longValueExact();
            remainders.add(new long[] { i, share[1].longValueExact() });
        }
        remainders.sort(Comparator.<long[]>comparingLong(entry -> -entry[1]).thenComparingLong(entry -> entry[0]));
        for (int k = 0; given < offered && k < remainders.size(); k++) {
            int index = (int) remainders.get(k)[0];
            if (remainders.get(k)[1] > 0 && allotted.get(index) < requested.get(index)) {
                allotted.set(index, allotted.get(index) + 1);
                given++;
            }
        }
        return allotted;
    }
}
