package kz.qyzmet.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DemoIdentitySeederTest {
    /** The published demo password obeys the same rule §41 as every password a person sets. */
    @Test
    void publishedPasswordMeetsRule41ForEverySampleIdentity() {
        for (Identities.NewIdentity identity : DemoIdentitySeeder.IDENTITIES) {
            assertEquals(List.of(), PasswordPolicy.check(DemoIdentitySeeder.PASSWORD, identity.login(),
                    identity.email(), identity.displayName()), identity.login());
        }
    }
}
