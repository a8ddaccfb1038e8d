package kz.qyzmet.servicekit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.instructions.api.InstructionHandler;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * One service on the kit: its handler, seen by the instructions core as the
 * {@link InstructionHandler} of the service (the kit registers it), and by the
 * request endpoints as the binding of the service's request record.
 */
final class KitService<R extends Record> implements InstructionHandler {
    private final String id;
    private final ServiceHandler<R> handler;
    private final Supplier<Instant> clock;

    KitService(String id, ServiceHandler<R> handler, Supplier<Instant> clock) {
        this.id = id;
        this.handler = handler;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    Class<R> requestType() {
        return handler.requestType();
    }

    /** The checked, completed request as the instruction the client confirms. */
    NewInstruction draft(Record request, RequestContext context) {
        R typed = handler.requestType().cast(request);
        RequestRecords.check(typed);
        Draft<R> draft = handler.draft(typed, context);
        return new NewInstruction(id, draft.kind(), draft.account(), RequestRecords.parameters(draft.request()), draft.summary());
    }

    /**
     * The instructions core checks every instruction before storing it, a
     * manager's included (§18, §35.3): the stored request is drafted again.
     */
    @Override
    public void validate(NewInstruction instruction, String clientId) {
        R request = RequestRecords.request(instruction.parameters(), handler.requestType());
        RequestRecords.check(request);
        handler.draft(request, KitRequestContext.onBehalfOf(clientId, clock.get()));
    }

    @Override
    public Outcome execute(Instruction instruction, Caller caller) {
        return handler.execute(confirmed(instruction, caller));
    }

    @Override
    public boolean executesInTransaction() {
        return handler.executesInTransaction();
    }

    @Override
    public Optional<LocalizedText> whyNotCancellable(Instruction instruction) {
        return isCancellation(instruction) ? Optional.empty() : handler.whyNotCancellable(confirmed(instruction, null));
    }

    @Override
    public void ending(Instruction instruction, InstructionStatus to, LocalizedText reason, Caller caller) {
        if (!isCancellation(instruction)) {
            handler.ending(confirmed(instruction, caller), to, reason);
        }
    }

    @Override
    public Outcome completing(Instruction instruction, List<String> documentIds, Caller caller) {
        return handler.completing(confirmed(instruction, caller), documentIds);
    }

    /** A cancellation instruction carries the core's parameters, not the service's request. */
    private static boolean isCancellation(Instruction instruction) {
        return instruction.cancels() != null;
    }

    private Confirmed<R> confirmed(Instruction instruction, Caller caller) {
        return new Confirmed<>(instruction, RequestRecords.request(instruction.parameters(), handler.requestType()), caller);
    }

    Map<String, Object> progress(Instruction instruction) {
        return handler.progress(instruction);
    }
}
