package kz.qyzmet.service.w8ben.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;

/**
 * The accepted W-8BEN as a PDF in the form's own order and words (Part I lines
 * 1–8, Part II lines 9–10, Part III with the electronic signature): our layout,
 * not the IRS's, in English as the form is.
 */
final class W8benDocument {
    static final String KIND = "w8ben-form";

    private W8benDocument() {
    }

    static DocumentSpec spec(Instruction instruction, W8benService.Request form, LocalDate signed, LocalDate validUntil) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph("Certificate of Foreign Status of Beneficial Owner for United States Tax Withholding and"
                + " Reporting (Individuals), Form W-8BEN (Rev. October 2021), given to the broker as withholding agent."));
        blocks.add(new Block.Heading("Part I — Identification of Beneficial Owner"));
        List<Block.Field> partOne = new ArrayList<>();
        partOne.add(new Block.Field("1 Name of individual who is the beneficial owner", form.name()));
        partOne.add(new Block.Field("2 Country of citizenship", country(form.citizenship())));
        partOne.add(new Block.Field("3 Permanent residence address", form.residenceAddress() + ", " + form.residenceCity() + ", "
                + country(form.residenceCountry())));
        partOne.add(new Block.Field("4 Mailing address", form.mailingAddress() == null && form.mailingCity() == null ? "—"
                : join(form.mailingAddress(), form.mailingCity(), country(form.mailingCountry()))));
        partOne.add(new Block.Field("5 U.S. taxpayer identification number (SSN or ITIN)", orDash(form.usTin())));
        partOne.add(new Block.Field("6a Foreign tax identifying number", orDash(form.foreignTin())));
        partOne.add(new Block.Field("6b FTIN not legally required", form.ftinNotRequired() == null ? "—"
                : "Yes: " + form.ftinNotRequired()));
        partOne.add(new Block.Field("7 Reference number(s)", orDash(form.reference())));
        partOne.add(new Block.Field("8 Date of birth (MM-DD-YYYY)", LocalDate.parse(form.dateOfBirth())
                .format(java.time.format.DateTimeFormatter.ofPattern("MM-dd-yyyy"))));
        blocks.add(new Block.Fields(partOne));
        blocks.add(new Block.Heading("Part II — Claim of Tax Treaty Benefits"));
        if (form.treatyCountry() == null) {
            blocks.add(new Block.Paragraph("No treaty benefits are claimed."));
        } else {
            blocks.add(new Block.Fields(List.of(
                    new Block.Field("9 The beneficial owner is a resident of", country(form.treatyCountry())
                            + ", within the meaning of the income tax treaty between the United States and that country"),
                    new Block.Field("10 Article and paragraph", form.treatyArticle()),
                    new Block.Field("Rate of withholding", form.treatyRate() + " %"),
                    new Block.Field("Type of income", form.treatyIncome()),
                    new Block.Field("Additional conditions", orDash(form.treatyConditions())))));
        }
        blocks.add(new Block.Heading("Part III — Certification"));
        blocks.add(new Block.Paragraph("Under penalties of perjury, I declare that I have examined the information on this form"
                + " and to the best of my knowledge and belief it is true, correct, and complete. I further certify under"
                + " penalties of perjury that: I am the individual that is the beneficial owner (or am authorized to sign for"
                + " the individual that is the beneficial owner) of all the income or proceeds to which this form relates; the"
                + " person named on line 1 of this form is not a U.S. person; the beneficial owner is a resident of the treaty"
                + " country listed on line 9 of the form (if any) within the meaning of the income tax treaty between the"
                + " United States and that country. I agree that I will submit a new form within 30 days if any certification"
                + " made on this form becomes incorrect."));
        blocks.add(new Block.Fields(List.of(
                new Block.Field("Signed by", form.signerName() + (form.capacity().equals("beneficial-owner")
                        ? " (beneficial owner)" : " (authorized representative)")),
                new Block.Field("Date (MM-DD-YYYY)", signed.format(java.time.format.DateTimeFormatter.ofPattern("MM-dd-yyyy"))),
                new Block.Field("Electronic signature", "instruction " + instruction.number() + " confirmed with a one-time code at "
                        + Formats.dateTime(instruction.confirmedAt()) + " (Almaty time)"),
                new Block.Field("In effect until", validUntil.format(java.time.format.DateTimeFormatter.ofPattern("MM-dd-yyyy"))))));
        return new DocumentSpec(KIND, instruction.clientId(), Language.EN, "Form W-8BEN", List.copyOf(blocks), instruction.id());
    }

    private static String country(String code) {
        return code == null ? "" : new java.util.Locale("", code).getDisplayCountry(java.util.Locale.ENGLISH) + " (" + code + ")";
    }

    private static String join(String... parts) {
        return String.join(", ", java.util.Arrays.stream(parts).filter(part -> part != null && !part.isBlank()).toList());
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
