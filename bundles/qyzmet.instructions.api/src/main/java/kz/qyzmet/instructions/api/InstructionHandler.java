package kz.qyzmet.instructions.api;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.Caller;

/**
 * A service's processing of its confirmed instructions, registered as an OSGi
 * service with the property {@value #SERVICE_PROPERTY} naming the service (not
 * {@code qyzmet.service.id}: that one makes a component a catalog entry). Without
 * a registered handler for its service an instruction cannot be confirmed (the
 * service is not installed): the client is told so and nothing changes.
 */
@ConsumerType
public interface InstructionHandler {
    /** Service property: the id of the electronic service whose instructions this handler carries out. */
    String SERVICE_PROPERTY = "qyzmet.instructions.service";

    /**
     * Checks an instruction before it is created (rules §18: the client fills it in
     * correctly). Throws {@code kz.qyzmet.common.api.ProblemException} naming the field.
     */
    void validate(NewInstruction instruction, String clientId);

    /**
     * Carries out a confirmed instruction, or says it must wait for staff
     * ({@link Outcome#queued()}), or refuses it with the reason.
     */
    Outcome execute(Instruction instruction, Caller caller);
}
