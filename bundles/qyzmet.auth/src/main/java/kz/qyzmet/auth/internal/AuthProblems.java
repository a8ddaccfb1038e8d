package kz.qyzmet.auth.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.qyzmet.auth.api.SessionProblems;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;

/** Problem types of authentication and the refusals built on them; their URIs are stable (§29: every refusal says why). */
final class AuthProblems {
    static final ProblemType INVALID_CREDENTIALS = new ProblemType("auth/invalid-credentials", LocalizedText.of(
            "Кіру деректері қате", "Неверные данные для входа", "Invalid credentials"));
    static final ProblemType ACCOUNT_LOCKED = new ProblemType("auth/account-locked", LocalizedText.of(
            "Тіркелгі уақытша бұғатталған", "Учётная запись временно заблокирована", "Account temporarily locked"));
    static final ProblemType ADDRESS_BLOCKED = new ProblemType("auth/address-blocked", LocalizedText.of(
            "IP мекенжайы бұғатталған", "IP-адрес заблокирован", "Address blocked"));
    static final ProblemType SUSPENDED = new ProblemType("auth/services-suspended", LocalizedText.of(
            "Қызмет көрсету тоқтатылған", "Обслуживание приостановлено", "Services suspended"));
    static final ProblemType CODE_INVALID = new ProblemType("auth/code-invalid", LocalizedText.of(
            "Бір реттік код жарамсыз", "Одноразовый код недействителен", "One-time code not valid"));
    static final ProblemType CODE_RATE = new ProblemType("auth/code-rate-limited", LocalizedText.of(
            "Кодтар тым жиі сұралды", "Коды запрашиваются слишком часто", "Codes requested too often"));
    static final ProblemType DELIVERY = new ProblemType("auth/code-not-delivered", LocalizedText.of(
            "Кодты жеткізу мүмкін болмады", "Не удалось доставить код", "The code could not be delivered"));
    static final ProblemType SESSION_REQUIRED = new ProblemType("auth/session-required", LocalizedText.of(
            "Жүйеге кіру қажет", "Требуется вход в систему", "Login required"));
    static final ProblemType SECURITY_SESSION_REQUIRED = kz.qyzmet.auth.api.SessionProblems.SECURITY_SESSION_REQUIRED;
    static final ProblemType PASSWORD_POLICY = new ProblemType("auth/password-policy", LocalizedText.of(
            "Құпиясөз талаптарға сай емес", "Пароль не соответствует требованиям", "Password does not meet the policy"));
    static final ProblemType PASSWORD_CHANGE_REQUIRED = new ProblemType("auth/password-change-required", LocalizedText.of(
            "Жаңа құпиясөз орнату қажет", "Необходимо установить новый пароль", "A new password must be set"));
    static final ProblemType CSRF = new ProblemType("auth/csrf", LocalizedText.of(
            "Сұраудың CSRF белгісі жоқ немесе қате", "Отсутствует или неверен CSRF-токен запроса",
            "Missing or wrong CSRF token"));
    static final ProblemType QR_INVALID = new ProblemType("auth/qr-invalid", LocalizedText.of(
            "QR-код жарамсыз немесе мерзімі өткен", "QR-код недействителен или истёк", "QR code invalid or expired"));
    static final ProblemType CONFIRMATION_MISMATCH = new ProblemType("auth/confirmation-mismatch", LocalizedText.of(
            "Код басқа нұсқаманы растауға арналған", "Код выдан для подтверждения другого поручения",
            "The code was issued to confirm different content"));

    private AuthProblems() {
    }

    static String required(String field, String normalised, LocalizedText detail) {
        if (normalised == null) {
            throw invalidField(field, detail);
        }
        return normalised;
    }

    static ProblemException invalidField(String field, LocalizedText detail) {
        return new ProblemException(400, CommonProblems.VALIDATION, detail, Map.of("field", field), Map.of());
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(401, AuthProblems.INVALID_CREDENTIALS, LocalizedText.of(
                "Логин, e-mail, телефон немесе құпиясөз қате.", "Неверный логин, e-mail, телефон или пароль.",
                "Wrong login, e-mail, phone or password."));
    }

    static ProblemException codeInvalid() {
        return new ProblemException(400, AuthProblems.CODE_INVALID, LocalizedText.of(
                "Код қате, мерзімі өткен немесе бұрын пайдаланылған. Жаңа код сұраңыз.",
                "Код неверен, истёк или уже использован. Запросите новый код.",
                "The code is wrong, expired or already used. Request a new code."));
    }

    static ProblemException accountLocked(Instant until) {
        return new ProblemException(403, AuthProblems.ACCOUNT_LOCKED, LocalizedText.of(
                "Қате енгізу әрекеттері тым көп болғандықтан тіркелгі {until} дейін бұғатталды.",
                "Учётная запись заблокирована до {until} из-за большого числа неудачных попыток.",
                "The account is locked until {until} after too many failed attempts.").format(Map.of("until", until)),
                Map.of("lockedUntil", until.toString()), Map.of());
    }

    static ProblemException sessionRequired() {
        return new ProblemException(401, AuthProblems.SESSION_REQUIRED, LocalizedText.of(
                "Сессия жоқ немесе аяқталды. Жүйеге қайта кіріңіз.", "Сессии нет или она завершена. Войдите снова.",
                "There is no session or it has ended. Please log in again."), Map.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"qyzmet\""));
    }

    static ProblemException securitySessionRequired() {
        return SessionProblems.securitySessionRequired();
    }

    static ProblemException passwordPolicy(List<PasswordPolicy.Violation> violations) {
        List<Map<String, String>> broken = violations.stream()
                .map(v -> Map.of("rule", v.name().toLowerCase().replace('_', '-'), "kk", v.text().kk(), "ru", v.text().ru(),
                        "en", v.text().en()))
                .toList();
        String kk = String.join(" ", violations.stream().map(v -> v.text().kk()).toList());
        String ru = String.join(" ", violations.stream().map(v -> v.text().ru()).toList());
        String en = String.join(" ", violations.stream().map(v -> v.text().en()).toList());
        return new ProblemException(400, AuthProblems.PASSWORD_POLICY, LocalizedText.of(kk, ru, en),
                Map.of("violations", broken), Map.of());
    }
}
