package kz.qyzmet.service.ipo.internal;

import kz.qyzmet.common.api.Language;

/** The allotment notice's words per language. */
record IpoTexts(String title, String issuer, String price, String account, String instruction, String requested,
        String allotted, String paid, String released, String text) {

    static IpoTexts of(Language language) {
        return switch (language) {
        case KK -> new IpoTexts("Бастапқы орналастыру бойынша бөлу туралы хабарлама", "Эмитент, ISIN", "Орналастыру бағасы",
                "Жеке шот", "Клиент өтініші", "Сұралған лоттар", "Бөлінген лоттар (бағалы қағаздар)", "Төленді",
                "Резервтен босатылды", "Бағалы қағаздар жеке шотқа есептелді, ақшаның қалғаны босатылды (Ережелердің 7.3-тармағы).");
        case RU -> new IpoTexts("Уведомление о распределении при первичном размещении", "Эмитент, ISIN", "Цена размещения",
                "Лицевой счёт", "Поручение клиента", "Заявлено лотов", "Распределено лотов (бумаг)", "Оплачено",
                "Освобождено из резерва", "Ценные бумаги зачислены на лицевой счёт, остаток денег освобождён (п. 7.3 Правил).");
        case EN -> new IpoTexts("Notice of allotment in an initial offering", "Issuer, ISIN", "Offer price",
                "Personal account", "Client instruction", "Lots subscribed", "Lots allotted (securities)", "Paid",
                "Released from the hold", "The securities are credited to the personal account and the rest of the money is"
                        + " released (rules §7.3).");
        };
    }
}
