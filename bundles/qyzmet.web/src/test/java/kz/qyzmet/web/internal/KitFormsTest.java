package kz.qyzmet.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Required;

/** Issue #14: a service that declares its request record gets its form, in the page's language, without HTML. */
class KitFormsTest {
    record Request(@Required @FormField(kk = "Кезең басы", ru = "Начало периода", en = "From", input = FormField.Input.DATE)
            String from, @MaxLength(200) String note, Integer copies,
            @FormField(kk = "Пішімі", ru = "Формат", en = "Format") @OneOf(value = { "pdf", "csv" },
                    labels = { "PDF|PDF|PDF", "Кесте|Таблица|Table" }) String format) {
    }

    @Test
    void componentsBecomeLabelledInputsInRecordOrder() {
        List<KitForms.Field> fields = KitForms.fields(Request.class, Language.RU);
        assertEquals(List.of("from", "note", "copies", "format"), fields.stream().map(KitForms.Field::name).toList());
        KitForms.Field from = fields.get(0);
        assertEquals("Начало периода", from.label());
        assertEquals("date", from.input());
        assertTrue(from.required());
        assertEquals("note", fields.get(1).label(), "without a label: the component's name");
        assertEquals(200, fields.get(1).maxLength());
        assertEquals("number", fields.get(2).input());
        KitForms.Field format = fields.get(3);
        assertTrue(format.choice());
        assertEquals(List.of(new KitForms.Option("pdf", "PDF"), new KitForms.Option("csv", "Таблица")), format.options());
        assertFalse(format.required());
        assertEquals("Кесте", KitForms.fields(Request.class, Language.KK).get(3).options().get(1).label());
    }
}
