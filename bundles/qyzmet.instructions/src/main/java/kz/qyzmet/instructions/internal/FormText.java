package kz.qyzmet.instructions.internal;

import kz.qyzmet.common.api.Language;

/** The words of the "client instruction" form, per language. */
record FormText(String title, String instruction, String service, String kind, String client, String account, String summary,
        String created, String preparedBy, String confirmed, String parameters, String parameter, String value,
        String statement) {
    static FormText of(Language language) {
        return switch (language) {
        case KK -> new FormText("Клиенттің өтініші", "Өтініш нөмірі", "Электрондық қызмет", "Түрі", "Клиент", "Жеке шот",
                "Мазмұны", "Құрылған", "Клиенттің тапсырмасы бойынша дайындаған менеджер", "Расталған", "Өтініш деректемелері",
                "Деректеме", "Мәні",
                "Клиент осы өтініштің мазмұнын оның SHA-256 дайджестіне байланған бір реттік кодпен қауіпсіздік сессиясында "
                        + "растады (Ережелердің 25-тармағы). Расталған өтініштің мазмұны өзгертілмейді (45-тармақ).");
        case RU -> new FormText("Поручение клиента", "Номер поручения", "Электронная услуга", "Вид", "Клиент", "Лицевой счёт",
                "Содержание", "Создано", "Подготовил менеджер по просьбе клиента", "Подтверждено", "Реквизиты поручения",
                "Реквизит", "Значение",
                "Клиент подтвердил содержание этого поручения одноразовым кодом, привязанным к его дайджесту SHA-256, "
                        + "в сессии безопасности (п. 25 Правил). Содержание подтверждённого поручения не изменяется (п. 45).");
        case EN -> new FormText("Client instruction", "Instruction No.", "Electronic service", "Kind", "Client",
                "Personal account", "Summary", "Created", "Prepared by the manager at the client's request", "Confirmed",
                "Details of the instruction", "Detail", "Value",
                "The client confirmed the content of this instruction with a one-time code bound to its SHA-256 digest "
                        + "inside a security session (rules §25). The content of a confirmed instruction never changes (§45).");
        };
    }
}
