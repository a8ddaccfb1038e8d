package kz.qyzmet.clients.internal;

/**
 * Kazakhstan's individual and business identification numbers (IIN, BIN): 12
 * digits, the last a check digit over the first eleven, weighted 1..11 modulo 11;
 * when that gives 10, weighted 3..11,1,2; when that gives 10 again, the number is invalid.
 */
final class TaxIds {
    private TaxIds() {
    }

    static boolean valid(String number) {
        if (number == null || !number.matches("[0-9]{12}")) {
            return false;
        }
        Integer check = checkDigit(number.substring(0, 11));
        return check != null && check == number.charAt(11) - '0';
    }

    /** The check digit of the first eleven digits, or null when no valid number starts with them. */
    static Integer checkDigit(String elevenDigits) {
        int first = weighted(elevenDigits, 1);
        if (first != 10) {
            return first;
        }
        int second = weighted(elevenDigits, 3);
        return second == 10 ? null : second;
    }

    private static int weighted(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int weight = (firstWeight - 1 + i) % 11 + 1;
            sum += (digits.charAt(i) - '0') * weight;
        }
        return sum % 11;
    }
}
