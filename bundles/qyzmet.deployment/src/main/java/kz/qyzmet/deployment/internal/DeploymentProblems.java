package kz.qyzmet.deployment.internal;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemType;

/** Problem types of deployment. */
final class DeploymentProblems {
    static final ProblemType REFUSED = new ProblemType("deployment-refused", LocalizedText.of(
            "Бандл орналастырылмады", "Бандл не развёрнут", "Bundle not deployed"));

    private DeploymentProblems() {
    }
}
