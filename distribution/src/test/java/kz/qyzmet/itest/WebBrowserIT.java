package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.launcher.Platform;

/**
 * The personal cabinet and the operator console in a real browser (issue #14; rules §3, §5, §25, §27,
 * §29, §35.2): headless Chromium against the platform as {@code java -jar}
 * starts it in dev mode, with the demo client. Screenshots of every step go to
 * {@code target/browser}; axe-core checks the main pages.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WebBrowserIT {
    private static final String PASSWORD = "Steppe-Trial-2026";
    private static LauncherSupport launcher;
    private static Platform platform;
    private static String site;
    private static Browser cabinet;
    /** One operator's console for the tests after d_ (which signs in itself): staff login codes are limited per hour. */
    private static Browser console;

    @BeforeClass
    public static void start() throws Exception {
        launcher = new LauncherSupport("browser");
        platform = launcher.start();
        site = launcher.base.replace("/api/v1/", "");
        cabinet = new Browser(site, 1280, 900);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (cabinet != null) {
            cabinet.close();
        }
        if (console != null) {
            console.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * The latest one-time code sent for the browser's session, as the dev outbox shows it to that session (it shows a
     * session the codes asked for in it, and nothing else).
     */
    private static String latestCode(Browser browser) throws Exception {
        JsonNode outbox = ItSupport.JSON.readTree(browser.fetch("/api/v1/dev/outbox?limit=5"));
        assertTrue("a code in the outbox: " + outbox, outbox.get("messages").size() > 0);
        return outbox.get("messages").get(0).get("text").asText().substring(0, 6);
    }

    /** The console the tests share, signed in on first use. */
    private static Browser sharedConsole() throws Exception {
        if (console == null) {
            console = new Browser(site, 1280, 900);
            signInToConsole(console);
        }
        return console;
    }

    /** The administrator signs in to the console: password, then the one-time code (§20). */
    private static void signInToConsole(Browser console) throws Exception {
        console.open("/console");
        console.awaitPath("/console/login");
        console.open("/console/login?lang=ru");
        console.await("#f-identifier");
        console.fill("Логин, e-mail или телефон", ItSupport.ADMIN_LOGIN);
        console.fill("Пароль", ItSupport.ADMIN_PASSWORD);
        console.press("Войти");
        console.awaitPath("/console/second-factor");
        console.fill("Код из SMS", latestCode(console));
        console.press("Подтвердить");
        console.awaitPath("/console");
    }

    @Test
    public void a_aClientSignsInOpensASecuritySessionByQrRequestsAnExtractAndVerifiesIt() throws Exception {
        cabinet.open("/cabinet");
        cabinet.awaitPath("/cabinet/login");
        cabinet.open("/cabinet/login?lang=ru");
        cabinet.await("#f-identifier");
        assertEquals("every refusal says why: a wrong password", "ru", cabinet.find("html").getAttribute("lang"));
        assertTrue("without the script a form posts (a password never lands in an address)",
                cabinet.all("form[data-api]:not([method=post])").isEmpty());
        cabinet.fill("Логин, e-mail или телефон", "aigerim");
        cabinet.fill("Пароль", "Wrong-Password-1");
        cabinet.press("Войти");
        String refusal = cabinet.await("[data-problem]").getText();
        assertTrue("the API's reason, in Russian: " + refusal, refusal.toLowerCase().contains("парол"));
        cabinet.screenshot("01-login-refused");
        cabinet.fill("Пароль", PASSWORD);
        cabinet.press("Войти");
        cabinet.awaitPath("/cabinet/security");
        String content = cabinet.await("[data-qr-image] svg") != null ? cabinet.find("[data-qr-text]").getAttribute("value") : null;
        assertTrue("the QR code's content: " + content, content != null && !content.isBlank());
        cabinet.screenshot("02-security-qr");

        // the mobile app (the dev "app" page, a browser of its own) signs in, opens its own security session and approves
        try (Browser app = new Browser(site, 390, 844)) {
            app.open("/cabinet/app?lang=ru");
            app.await("#f-identifier");
            app.fill("Логин, e-mail или телефон", "aigerim");
            app.fill("Пароль", PASSWORD);
            app.press("Войти");
            app.await("[data-app-signed-in]");
            app.press("Запросить код");
            app.await("[data-outbox] li");
            String code = app.find("[data-outbox] li").getText().substring(0, 6);
            app.fill("Код", code);
            app.press("Открыть сессию");
            app.await("[data-app-secured]");
            app.fill("Текст QR-кода", content);
            app.press("Подтвердить");
            app.await("#app-approved");
            app.screenshot("03-app-approved");
        }
        cabinet.awaitPath("/cabinet");
        cabinet.await("[data-account]");
        String home = cabinet.text();
        assertTrue("the accounts with balances: " + home, home.contains("DEMO-0001") && home.contains("Денежные средства"));
        assertFalse("no security-session notice once it is open: " + home, home.contains("сначала откройте сессию"));
        cabinet.screenshot("04-home");
        assertEquals("axe-core on the home page", List.of(), cabinet.accessibilityViolations());

        // the extract: the form the kit derives from the request record, the confirmation with its summary and the code
        cabinet.open("/cabinet/services/extract");
        cabinet.await("form[data-then=request]");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        String summary = cabinet.find("dialog [data-summary]").getText();
        assertTrue("the dialog shows what is confirmed: " + summary, summary.contains("DEMO-0001"));
        cabinet.screenshot("05-confirm");
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.await("[data-document]");
        assertTrue(cabinet.path().startsWith("/cabinet/instructions/"));
        assertTrue(cabinet.text(), cabinet.text().contains("Исполнено"));
        assertTrue("the status history: " + cabinet.find("[data-history]").getText(), cabinet.find("[data-history]").getText()
                .contains("Подтверждено") && cabinet.find("[data-history]").getText().contains("Исполнено"));
        cabinet.screenshot("06-instruction-executed");
        String download = cabinet.find("[data-document]").getAttribute("href");
        byte[] pdf = cabinet.fetch(java.net.URI.create(download).getPath());
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));

        // the documents list leads to the public verification page, which checks the file byte for byte
        cabinet.open("/cabinet/documents");
        cabinet.await("table");
        String verification = cabinet.all("a").stream().filter(link -> link.getText().equals("Страница проверки")).findFirst()
                .orElseThrow().getAttribute("href");
        cabinet.open(java.net.URI.create(verification).getPath());
        cabinet.await("[data-verify-record] [data-field='document.number']");
        assertTrue(cabinet.text(), cabinet.text().contains("Основные показатели"));
        Path file = Files.createTempFile(Browser.SCREENSHOTS.getParent(), "extract", ".pdf");
        Files.write(file, pdf);
        cabinet.find("#f-file").sendKeys(file.toString());
        cabinet.press("Проверить");
        String verdict = cabinet.await("[data-verdict]").getText();
        cabinet.screenshot("07-verified");
        assertTrue(verdict, verdict.startsWith("Подлинный"));
        assertTrue(cabinet.find("[data-signature]").getText(), cabinet.find("[data-signature]").getText().contains("действительна"));
        assertEquals("axe-core on the verification page", List.of(), cabinet.accessibilityViolations());
        Files.delete(file);
    }

    @Test
    public void b_theSamePagesInKazakhAndADisabledServiceShowsTheOperatorsReason() throws Exception {
        launcher.operator("PUT", "operator/services/other-reports/state", "{\"state\":\"DISABLED\",\"reason\":{\"kk\":"
                + "\"Жаңарту жүріп жатыр\",\"ru\":\"Идёт обновление\",\"en\":\"An update is under way\"}}");
        cabinet.open("/cabinet?lang=kk");
        cabinet.await("[data-account]");
        assertEquals("kk", cabinet.find("html").getAttribute("lang"));
        String home = cabinet.text();
        assertTrue(home, home.contains("Ақша қаражаты") && home.contains("Жаңарту жүріп жатыр"));
        cabinet.screenshot("08-home-kk-disabled");
        cabinet.open("/cabinet/services/other-reports");
        assertTrue(cabinet.await("[data-unavailable]").getText().contains("Жаңарту жүріп жатыр"));
        cabinet.screenshot("09-service-disabled-kk");
        launcher.operator("PUT", "operator/services/other-reports/state", "{\"state\":\"ENABLED\"}");
        // §27, §31: what suspending means and how reinstatement works, before the button (pressed in AuthIT's API test)
        cabinet.open("/cabinet/suspend");
        assertTrue(cabinet.await("button.danger").isDisplayed());
        assertTrue(cabinet.text(), cabinet.text().contains("31"));
        cabinet.screenshot("21-suspend-kk");
        cabinet.open("/cabinet/nowhere");
        assertTrue(cabinet.text(), cabinet.text().contains("Бет табылмады"));
        cabinet.open("/cabinet?lang=ru");
    }

    @Test
    public void c_onAPhoneTheCabinetFitsAndTheKeyboardAloneSignsIn() throws Exception {
        try (Browser phone = new Browser(site, 360, 740)) {
            for (String page : List.of("recovery", "activation")) {
                phone.open("/cabinet/" + page + "?lang=en");
                phone.await("#f-identifier");
                phone.screenshot("22-phone-" + page);
            }
            phone.open("/cabinet/login?lang=en");
            phone.await("#f-identifier");
            // keyboard only: the skip link, then the form's fields in order
            phone.find("#f-identifier").sendKeys("aigerim" + org.openqa.selenium.Keys.TAB + PASSWORD
                    + org.openqa.selenium.Keys.ENTER);
            phone.awaitPath("/cabinet/security");
            phone.open("/cabinet");
            phone.await("[data-account]");
            Object overflow = phone.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertEquals("no sideways scrolling of the page at 360 px", Boolean.FALSE, overflow);
            phone.screenshot("10-phone-home");
            Map<String, Object> timing = phone.timing();
            System.out.printf("cabinet home on a 360 px phone: first paint %s ms, load %s ms, script %s bytes%n",
                    timing.get("firstPaint"), timing.get("loaded"), timing.get("scriptBytes"));
            assertTrue("under 100 KB of script: " + timing, ((Number) timing.get("scriptBytes")).longValue() < 100_000);
        }
    }

    @Test
    public void d_anOperatorSignsInWithACodeAndSwitchesAServiceOffWithAReasonTheCabinetShows() throws Exception {
        try (Browser console = new Browser(site, 1280, 900)) {
            signInToConsole(console);
            console.await("[data-service=operations-report] summary").click();
            console.find("#state-operations-report").sendKeys("Отключена");
            console.fill("Причина (на казахском)", "Есептер уақытша берілмейді");
            console.fill("Причина (на русском)", "Отчёты временно не выдаются");
            console.fill("Причина (на английском)", "Reports are not issued for now");
            console.screenshot("11-console-disable");
            console.press("Применить");
            console.awaitText("[data-service=operations-report] .state", "Отключена");
            assertTrue(console.text().contains("Отчёты временно не выдаются"));
            console.screenshot("12-console-disabled");
            assertEquals("axe-core on the console", List.of(), console.accessibilityViolations());
            console.open("/console/queue");
            console.await("[data-overdue-count]");
            console.screenshot("13-console-queue");
            // the audit journal (§32, §33): the change just made is there, and the chain and second store verify
            console.open("/console/audit?subject=service:operations-report");
            String journal = console.await("[data-audit]").getText();
            assertTrue(journal, journal.contains("operations-report") && journal.contains(ItSupport.ADMIN_LOGIN));
            console.screenshot("15-console-audit");
            console.open("/console/audit/verification");
            assertEquals("true", console.await("[data-intact]").getAttribute("data-intact"));
            // clients (§16): search by any field, the record as of a day, a saved search
            String created = launcher.operator("POST", "operator/clients", "{\"kind\":\"INDIVIDUAL\",\"taxId\":\"860515301234\","
                    + "\"name\":\"Ахметова Айгерим Серікқызы\",\"phone\":\"+77019998877\",\"email\":\"holder@example.kz\","
                    + "\"taxResidency\":\"KZ\"}").body();
            String clientId = ItSupport.JSON.readTree(created).get("id").asText();
            console.open("/console/clients");
            console.fill("ФИО / наименование", "Ахметова");
            console.press("Найти");
            String found = console.await("[data-clients]").getText();
            assertTrue(found, found.contains("860515301234") && found.contains(clientId));
            console.fill("Название поиска", "Ахметовы");
            console.press("Сохранить поиск");
            console.await("[data-saved] a").click();
            assertTrue(console.await("[data-clients]").getText().contains("860515301234"));
            console.screenshot("17-console-clients");
            console.open("/console/clients/" + clientId);
            assertTrue(console.await("[data-record]").getText().contains("Ахметова Айгерим Серікқызы"));
            console.open("/console/clients/" + clientId + "?asOf=2020-01-01");
            assertTrue(console.await(".note").getText().contains("ещё не было"));
            // identities: an address that is not blocked cannot be unblocked, and the API says so next to the field
            console.open("/console/identities");
            console.fill("IP-адрес", "203.0.113.9");
            console.press("Снять блокировку");
            assertTrue(console.await("[data-problem]").getText().contains("не заблокирован"));
            console.screenshot("16-console-identities");
            assertEquals("axe-core on the identities page", List.of(), console.accessibilityViolations());
            // the platform: its features, and the deployed bundles with their health, read from the operator API
            console.open("/console/platform");
            console.await("[data-feature=qyzmet-core]");
            console.await("table[data-source][data-loaded=true]");
            console.screenshot("19-console-platform");
        }
        cabinet.open("/cabinet?lang=ru");
        assertTrue(cabinet.await("[data-service=operations-report] [data-reason]").getText().contains("Отчёты временно не выдаются"));
        launcher.operator("PUT", "operator/services/operations-report/state", "{\"state\":\"ENABLED\"}");
        cabinet.open("/console");
        cabinet.awaitPath("/cabinet");
    }

    @Test
    public void e_aHotDeployedServiceBringsItsMenuEntryAndPageAndTakesThemAway() throws Exception {
        Path deployed = launcher.dataDir.resolve("deploy/demo.jar");
        Files.copy(Path.of(System.getProperty("qyzmet.demo.bundle")), deployed);
        ItSupport.awaitChecked(java.time.Duration.ofSeconds(30), "the deployed service answers",
                () -> launcher.get("services/demo-offices/offices").statusCode() == 200);
        cabinet.open("/cabinet?lang=ru");
        cabinet.await("nav.menu a[href='/cabinet/services/demo-offices']");
        cabinet.open("/cabinet/services/demo-offices");
        // the bundle's own page (CabinetPage, its template from the bundle) in the cabinet's frame, in the page's language
        String offices = cabinet.await("[data-own-page=demo-offices] [data-offices]").getText();
        assertTrue(offices, offices.contains("Город") && offices.contains("Алматы"));
        cabinet.screenshot("14-deployed-service");
        Files.delete(deployed);
        ItSupport.awaitChecked(java.time.Duration.ofSeconds(30), "the removed service is gone",
                () -> launcher.get("services/demo-offices/offices").statusCode() == 404);
        cabinet.open("/cabinet");
        cabinet.await("[data-account]");
        assertTrue("the menu entry went with the bundle", cabinet.all("nav.menu a[href='/cabinet/services/demo-offices']").isEmpty());
        cabinet.open("/cabinet/services/demo-offices");
        assertTrue(cabinet.text(), cabinet.text().contains("Страница не найдена"));
    }

    /** §35.3, §40: a manager prepares an instruction at the client's request; only the client's code in the cabinet signs it. */
    @Test
    public void f_aClientSignsAnInstructionAManagerPreparedWithTheirOwnCode() throws Exception {
        // staff fill in the service's own form for the client (the kit's record, checks and completion)
        {
            Browser console = sharedConsole();
            console.await("a[href='/console/prepare/extract']").click();
            console.fill("Код клиента", "DEMO-0001");
            console.find("#p-language").sendKeys("Русский");
            console.screenshot("20-console-prepare");
            console.press("Подготовить и отправить код клиенту");
            console.await("#prepared");
        }
        cabinet.open("/cabinet/instructions?lang=ru");
        // the newest instruction is the prepared one, waiting for the client's code
        cabinet.await("table tbody tr a").click();
        String sign = cabinet.await("[aria-labelledby=sign]").getText();
        assertTrue(sign, sign.contains("подготовил менеджер") && sign.contains("DEMO-0001"));
        cabinet.screenshot("18-sign-prepared");
        cabinet.press("Отправить код");
        cabinet.await("#sign-code");
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "Исполнено");
        assertTrue("signed, the extract is issued: " + cabinet.text(), !cabinet.all("[data-document]").isEmpty());
    }

    /** Issue #14: staff work a queue item in the console (take, complete), and the client sees the result and its document. */
    @Test
    public void g_anOperatorWorksAQueueItemAndTheClientGetsTheResult() throws Exception {
        // a staff-processed service (§7.2): claim rights credited on the demo client's account
        cabinet.open("/cabinet/services/claim-rights?lang=ru");
        cabinet.await("form[data-then=request]");
        cabinet.find("#f-operation").sendKeys("Зачисление");
        cabinet.fill("ISIN ценной бумаги", "KZ000A0LE0S4");
        cabinet.fill("Количество", "10");
        cabinet.screenshot("21-claim-rights-form");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        assertTrue(cabinet.find("dialog [data-summary]").getText().contains("KZ000A0LE0S4"));
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "Принято");
        String instruction = cabinet.path();
        {
            Browser console = sharedConsole();
            console.open("/console/queue");
            console.await("li.item");
            assertTrue(console.text(), console.text().contains("KZ000A0LE0S4") && console.text().contains("Права требования"));
            console.screenshot("22-console-queue-item");
            console.press("Взять в работу");
            console.awaitText("li.item .status", "В работе");
            console.press("Исполнено");
            try {
                console.awaitText("[data-queue-empty]", "Очередь пуста.");
            } catch (org.openqa.selenium.TimeoutException stillThere) {
                console.screenshot("23-console-queue-not-done");
                throw new AssertionError("the item stays in the queue: " + console.text(), stillThere);
            }
            console.screenshot("23-console-queue-done");
        }
        cabinet.open(instruction);
        cabinet.awaitText("[data-status]", "Исполнено");
        assertFalse("the notice is the result: " + cabinet.text(), cabinet.all("[data-document]").isEmpty());
        cabinet.screenshot("24-claim-rights-executed");
    }

    /**
     * Issue #15: a form field of kind FILES — the cabinet uploads the picked files
     * to the service first (a disguised one is refused with the reason, in place),
     * and what the client confirms names each file by its SHA-256 (§25.2).
     */
    @Test
    public void h_aClientProvesTheSourceOfFundsWithUploadedEvidence() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sof-evidence");
        java.nio.file.Path pdf = dir.resolve("договор купли-продажи.pdf");
        java.nio.file.Files.write(pdf, ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path disguised = dir.resolve("scan.pdf");
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        java.nio.file.Files.write(disguised, png.toByteArray());

        cabinet.open("/cabinet/services/source-of-funds?lang=ru");
        cabinet.await("form[data-then=request]");
        cabinet.labelled("Подтверждающие файлы").sendKeys(disguised.toString());
        cabinet.await("[data-uploads] li.problem");
        String refusal = cabinet.find("[data-uploads] li.problem").getText();
        assertTrue(refusal, refusal.contains("scan.pdf") && refusal.contains("замаскирован"));
        cabinet.labelled("Подтверждающие файлы").sendKeys(pdf.toString());
        cabinet.await("[data-uploads] li[data-uploaded-id]");
        cabinet.find("#f-kind").sendKeys("Продажа имущества");
        cabinet.fill("Сумма", "25000000");
        cabinet.fill("Валюта (например, KZT)", "KZT");
        cabinet.fill("Описание", "Продажа квартиры в Алматы, договор № 17 от 3 марта 2026 года");
        cabinet.screenshot("25-source-of-funds-form");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        String summary = cabinet.find("dialog [data-summary]").getText();
        assertTrue(summary, summary.contains("договор купли-продажи.pdf") && summary.contains("SHA-256")
                && summary.contains("продажа имущества"));
        cabinet.screenshot("26-source-of-funds-confirm");
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "Принято");

        // a withdrawal from the kit's form (amount, currency; the fee and the IBAN on record are the service's)
        cabinet.open("/cabinet/services/withdrawal?lang=ru");
        cabinet.await("form[data-then=request]");
        cabinet.fill("Сумма", "15000");
        cabinet.fill("Валюта (например, KZT)", "KZT");
        cabinet.fill("Назначение платежа", "Перевод на свой счёт");
        cabinet.screenshot("29-withdrawal-form");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        String withdrawal = cabinet.find("dialog [data-summary]").getText();
        assertTrue(withdrawal, withdrawal.replace('\u00a0', ' ').contains("15 000,00 KZT") && withdrawal.contains("KZ86601A861000000001")
                && withdrawal.contains("комиссия"));
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "В работе");
        cabinet.screenshot("30-withdrawal-in-work");

        // the bundle's console pages: the statement with its file to open, then the withdrawals' view
        {
            Browser console = sharedConsole();
            console.open("/console/pages/source-of-funds?lang=ru");
            console.await("[data-statement] [data-evidence]");
            assertTrue(console.text(), console.text().contains("договор купли-продажи.pdf") && console.text().contains(
                    "Ожидает решения"));
            assertFalse("the menu names the bundles' pages", console.all("nav.menu a[href='/console/pages/withdrawals']")
                    .isEmpty());
            console.screenshot("27-console-source-of-funds");
            byte[] opened = console.fetch(console.find("[data-evidence]").getAttribute("href"));
            assertTrue("staff open the file as uploaded", new String(opened, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("%PDF-"));
            console.open("/console/pages/withdrawals?state=ALL&lang=ru");
            console.await("[data-withdrawals] tr[data-withdrawal]");
            assertTrue(console.text(), console.text().contains("KZ86601A861000000001") && console.text().contains("DEMO-0001"));
            console.screenshot("28-console-withdrawals");
        }
    }

    /**
     * Issue #16: the change of personal data brings its own page — what is on record,
     * the proof of a new e-mail by the code sent there — around the kit's form and
     * confirmation, which the page reuses (§25.2).
     */
    @Test
    public void i_aClientProvesANewEmailAndAsksToChangeIt() throws Exception {
        String email = "aigerim." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@mail.kz";
        cabinet.open("/cabinet/services/personal-data?lang=ru");
        cabinet.await("[data-on-record]");
        cabinet.find("#pd-channel").sendKeys("E-mail");
        cabinet.fill("Новый телефон или e-mail", email);
        cabinet.press("Отправить код");
        cabinet.await("#pd-code");
        cabinet.fill("Код, пришедший туда", latestCode(cabinet));
        cabinet.press("Подтвердить контакт");
        cabinet.await("[data-proven]");
        cabinet.fill("Новый e-mail (сначала подтвердите)", email);
        cabinet.screenshot("31-personal-data-form");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        String summary = cabinet.find("dialog [data-summary]").getText();
        assertTrue(summary, summary.contains("E-mail: " + email));
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "Принято");
        cabinet.screenshot("32-personal-data-accepted");
    }

    /**
     * Issue #16: the client sets a voice password (typed hidden, confirmed with the
     * code), and an operator checks what the caller says on the client's console page.
     */
    @Test
    public void j_aClientSetsAVoicePasswordAndAnOperatorChecksIt() throws Exception {
        cabinet.open("/cabinet/services/security-settings?lang=ru");
        cabinet.await("form[data-then=request]");
        assertEquals("the phrase is hidden as it is typed", "password", cabinet.labelled("Новый голосовой пароль")
                .getAttribute("type"));
        cabinet.fill("Новый голосовой пароль", "Беркут над Чарыном");
        cabinet.screenshot("33-voice-password-form");
        cabinet.press("Продолжить");
        cabinet.await("dialog[open] [data-summary]");
        assertFalse("the confirmation never shows the phrase", cabinet.find("dialog [data-summary]").getText().contains("Беркут"));
        cabinet.fill("Одноразовый код из SMS", latestCode(cabinet));
        cabinet.press("Подтвердить");
        cabinet.awaitText("[data-status]", "Исполнено");

        cabinet.open("/cabinet/services/w8ben?lang=en");
        cabinet.await("form[data-then=request]");
        cabinet.screenshot("34-w8ben-form");

        {
            Browser console = sharedConsole();
            console.open("/console/clients/DEMO-0001?lang=ru");
            console.await("#voice-phrase");
            // #14: the account's operations of a period (the last 30 days by default): the demo's and this run's
            assertFalse("operations of the period: " + console.text(), console.all("[data-operations] tbody tr").isEmpty());
            assertTrue(console.text(), console.text().contains("Операции за период"));
            console.fill("Что говорит клиент", "беркут над  чарыном");
            console.press("Проверить");
            console.awaitText("[data-voice-result]", "Совпадает");
            console.screenshot("35-console-voice-check");
        }
    }

    /**
     * Issue #16: on the account-settings page the client cancels an instruction
     * under way (the core's cancellation, its own code in the same dialog), and on
     * the security-settings page links Telegram: the page shows the code to send to the bot.
     */
    @Test
    public void k_aClientCancelsAnInstructionUnderWayAndLinksTelegram() throws Exception {
        cabinet.open("/cabinet/services/account-settings?lang=en");
        cabinet.await("form[data-then=request]");
        cabinet.script("arguments[0].value = 'contract-copy'", cabinet.labelled("What to do"));
        cabinet.press("Continue");
        cabinet.await("dialog[open] [data-summary]");
        cabinet.fill("One-time code from the SMS", latestCode(cabinet));
        cabinet.press("Confirm");
        cabinet.awaitText("[data-status]", "Accepted");

        cabinet.open("/cabinet/services/account-settings?lang=en");
        cabinet.await("[data-under-way]");
        WebElement ordered = cabinet.all("[data-under-way] li").stream().filter(item -> item.getText().contains("Copy of the"))
                .findFirst().orElseThrow(() -> new AssertionError("the order is under way: " + cabinet.text()));
        cabinet.screenshot("36-account-settings-under-way");
        ordered.findElement(org.openqa.selenium.By.cssSelector("button")).click();
        cabinet.await("dialog[open] [data-summary]");
        assertTrue(cabinet.find("dialog [data-summary]").getText(), cabinet.find("dialog [data-summary]").getText()
                .startsWith("Cancellation of instruction No."));
        cabinet.fill("One-time code from the SMS", latestCode(cabinet));
        cabinet.press("Confirm");
        cabinet.awaitText("[data-status]", "Executed");
        cabinet.open("/cabinet/services/account-settings?lang=en");
        cabinet.await("section[aria-labelledby=as-under-way]");
        assertTrue("cancelled, no longer under way: " + cabinet.text(), cabinet.all("[data-under-way] li").stream()
                .noneMatch(item -> item.getText().contains("Copy of the")));

        // a statement for a past period: staff attach the PDF in the console's queue, the client downloads it
        cabinet.open("/cabinet/services/account-settings?lang=en");
        cabinet.await("form[data-then=request]");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"));
        cabinet.script("arguments[0].value = 'statement'", cabinet.labelled("What to do"));
        cabinet.script("arguments[0].value = arguments[1]", cabinet.labelled("Statement from"), today.minusMonths(2).toString());
        cabinet.script("arguments[0].value = arguments[1]", cabinet.labelled("Statement to"), today.minusMonths(1).toString());
        cabinet.press("Continue");
        cabinet.await("dialog[open] [data-summary]");
        cabinet.fill("One-time code from the SMS", latestCode(cabinet));
        cabinet.press("Confirm");
        cabinet.awaitText("[data-status]", "Accepted");
        String statement = cabinet.path();
        String number = ItSupport.JSON.readTree(cabinet.fetch("/api/v1/instructions/" + statement.substring(statement
                .lastIndexOf('/') + 1))).get("number").asText();
        {
            Browser console = sharedConsole();
            String item = "li.item[data-item='" + number + "']";
            console.open("/console/queue");
            console.await(item).findElement(org.openqa.selenium.By.xpath(".//button[normalize-space()='Взять в работу']")).click();
            Path pdf = Files.createTempFile("statement", ".pdf");
            Files.write(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            console.await(item + " input[type=file]").sendKeys(pdf.toString());
            ItSupport.await(java.time.Duration.ofSeconds(10), "the PDF attached", () -> {
                try {
                    return console.all(item + " ul.uploads li").stream().anyMatch(line -> line.getText().endsWith("✓"));
                } catch (org.openqa.selenium.WebDriverException reloading) {
                    return false;
                }
            });
            console.screenshot("38-console-statement-attached");
            console.find(item).findElement(org.openqa.selenium.By.xpath(".//button[normalize-space()='Исполнено']")).click();
            ItSupport.await(java.time.Duration.ofSeconds(10), "the item leaves the queue", () -> console.all(item).isEmpty());
        }
        // #14: the client's page, open all along, follows the instruction by server-sent events and shows the outcome
        assertEquals("not reloaded by the test", statement, cabinet.path());
        cabinet.awaitText("[data-status]", "Executed");
        assertFalse("the statement staff attached: " + cabinet.text(), cabinet.all("[data-document]").isEmpty());

        cabinet.open("/cabinet/services/security-settings?lang=en");
        cabinet.await("[data-telegram]");
        cabinet.press("Link Telegram");
        cabinet.await("dialog[open] [data-summary]");
        cabinet.fill("One-time code from the SMS", latestCode(cabinet));
        cabinet.press("Confirm");
        cabinet.awaitText("[data-status]", "Executed");
        cabinet.open("/cabinet/services/security-settings?lang=en");
        String code = cabinet.await("[data-telegram-code] strong").getText();
        assertTrue("the link code: " + code, code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"));
        assertTrue(cabinet.find("[data-telegram-code] a").getAttribute("href").endsWith("?start=" + code.replace("-", "")));
        cabinet.screenshot("37-security-settings-telegram-code");
    }

    @Test
    public void l_aClientBuysAtMarketFromTheOrderTicketAndANewcomerSignsUpToTheDemo() throws Exception {
        // issue #17: the orders page shows the market (the demo's market maker quotes AAPL) and takes an order
        cabinet.open("/cabinet/services/orders?lang=en");
        cabinet.await("table[data-market] tr[data-ticker=AAPL]");
        ItSupport.await(java.time.Duration.ofSeconds(10), "AAPL quoted", () -> {
            cabinet.open("/cabinet/services/orders?lang=en");
            return !cabinet.find("table[data-market] tr[data-ticker=AAPL]").getText().contains("— —");
        });
        cabinet.await("form[data-then=request]");
        cabinet.fill("Instrument (ticker or ISIN)", "AAPL");
        cabinet.script("arguments[0].value = 'BUY'", cabinet.labelled("Side"));
        cabinet.script("arguments[0].value = 'MARKET'", cabinet.labelled("Order type"));
        cabinet.fill("Lots", "1");
        cabinet.press("Continue");
        cabinet.await("dialog[open] [data-summary]");
        assertTrue(cabinet.find("dialog [data-summary]").getText(), cabinet.find("dialog [data-summary]").getText()
                .startsWith("Buy AAPL: 1 lots (1 units), at market"));
        cabinet.screenshot("39-order-confirm");
        cabinet.fill("One-time code from the SMS", latestCode(cabinet));
        cabinet.press("Confirm");
        cabinet.awaitText("[data-status]", "Executed");
        ItSupport.await(java.time.Duration.ofSeconds(10), "the order filled", () -> {
            cabinet.open("/cabinet/services/orders?lang=en");
            return cabinet.all("[data-orders] li").stream().anyMatch(line -> line.getText().contains("· filled"));
        });
        cabinet.screenshot("40-orders-filled");
        assertTrue(String.valueOf(cabinet.accessibilityViolations()), cabinet.accessibilityViolations().isEmpty());

        // rules §4: anyone signs up to the demo version from the sign-in page, no contract
        try (Browser newcomer = new Browser(site, 1280, 900)) {
            newcomer.open("/cabinet/login?lang=en");
            newcomer.await("#demo-login");
            assertTrue(newcomer.find(".demo-banner").getText(), newcomer.find(".demo-banner").getText().startsWith("DEMO"));
            newcomer.find("#demo-login").sendKeys("newcomer" + System.nanoTime() % 100000);
            newcomer.find("#demo-phone").sendKeys("+7708" + String.format("%07d", System.nanoTime() % 10_000_000));
            newcomer.find("#demo-name").sendKeys("Dana");
            newcomer.find("#demo-password").sendKeys("Tenge-Orda-2026");
            newcomer.press("Create a demo account");
            newcomer.await("#demo-signed-up:not([hidden])");
            newcomer.screenshot("41-demo-signed-up");
        }
    }
}
