package kz.qyzmet.common.api;

/** Problem types every part of the platform may answer with. */
public final class CommonProblems {
    public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", LocalizedText.of(
            "Сұрау қате толтырылған", "Неверный запрос", "Bad request"));
    public static final ProblemType MALFORMED_JSON = new ProblemType("malformed-json", LocalizedText.of(
            "Сұраудың JSON мазмұны қате", "Некорректный JSON в запросе", "Malformed JSON in the request"));
    public static final ProblemType VALIDATION = new ProblemType("validation", LocalizedText.of(
            "Сұрау деректері тексеруден өтпеді", "Данные запроса не прошли проверку", "The request data is invalid"));
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", LocalizedText.of(
            "Табылмады", "Не найдено", "Not found"));
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", LocalizedText.of(
            "Бұл әдіс рұқсат етілмеген", "Метод не разрешён", "Method not allowed"));
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", LocalizedText.of(
            "Сұралған пішім қолдау көрсетілмейді", "Запрошенный формат не поддерживается", "Requested format is not supported"));
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", LocalizedText.of(
            "Сұрау пішімі қолдау көрсетілмейді", "Формат запроса не поддерживается", "Request format is not supported"));
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", LocalizedText.of(
            "Аутентификация қажет", "Требуется аутентификация", "Authentication required"));
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", LocalizedText.of(
            "Қол жеткізуге тыйым салынған", "Доступ запрещён", "Access denied"));
    public static final ProblemType CONFLICT = new ProblemType("conflict", LocalizedText.of(
            "Қайшылық", "Конфликт", "Conflict"));
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", LocalizedText.of(
            "Сұрау тым үлкен", "Запрос слишком велик", "Request too large"));
    public static final ProblemType HEADERS_TOO_LARGE = new ProblemType("headers-too-large", LocalizedText.of(
            "Сұрау тақырыптары тым үлкен", "Заголовки запроса слишком велики", "Request headers too large"));
    public static final ProblemType TOO_MANY_REQUESTS = new ProblemType("too-many-requests", LocalizedText.of(
            "Сұраулар тым көп", "Слишком много запросов", "Too many requests"));
    public static final ProblemType INTERNAL = new ProblemType("internal", LocalizedText.of(
            "Ішкі қате", "Внутренняя ошибка", "Internal error"));
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", LocalizedText.of(
            "Қызмет уақытша қолжетімсіз", "Сервис временно недоступен", "Service temporarily unavailable"));

    private CommonProblems() {
    }
}
