package kz.qyzmet.service.demo.internal;

import java.time.LocalTime;

/** A broker's office where clients come in person (e.g. to unblock their account, rules §31). */
public record Office(String code, String cityKk, String cityRu, String cityEn, String address, String phone,
        LocalTime opensAt, LocalTime closesAt) {
}
