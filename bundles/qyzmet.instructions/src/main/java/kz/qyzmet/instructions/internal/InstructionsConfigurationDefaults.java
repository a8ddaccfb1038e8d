package kz.qyzmet.instructions.internal;

/** Kazakhstan's public holidays, as the configuration's defaults. */
final class InstructionsConfigurationDefaults {
    /**
     * New Year (1–2 Jan), International Women's Day (8 Mar), Nauryz (21–23 Mar),
     * Unity Day (1 May), Defender of the Fatherland Day (7 May), Victory Day (9 May),
     * Capital Day (6 Jul), Constitution Day (30 Aug), Republic Day (25 Oct),
     * Independence Day (16 Dec).
     */
    static final String NATIONAL_HOLIDAYS = "01-01,01-02,03-08,03-21,03-22,03-23,05-01,05-07,05-09,07-06,08-30,10-25,12-16";
    /** Orthodox Christmas; Kurban Ait moves with the lunar calendar and is set per year in extra holidays. */
    static final String RELIGIOUS_HOLIDAYS = "01-07";

    private InstructionsConfigurationDefaults() {
    }
}
