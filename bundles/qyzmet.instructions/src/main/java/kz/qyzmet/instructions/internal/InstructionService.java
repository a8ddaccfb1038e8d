package kz.qyzmet.instructions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditedChanges;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.Confirmation;
import kz.qyzmet.auth.api.ConfirmationChallenge;
import kz.qyzmet.auth.api.ConfirmationRequest;
import kz.qyzmet.auth.api.OperationConfirmations;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionHandler;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.instructions.api.QueueQuery;
import kz.qyzmet.instructions.api.Submission;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.registry.api.ServiceStatus;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * The instructions core. An instruction's content is fixed when it is created and
 * its canonical form hashed; the client confirms that digest with a code the auth
 * core bound to it (§25.2). On confirmation the immutable "client instruction"
 * form is issued (§45.4), then the service's handler carries it out at once or
 * queues it for staff with a deadline in business days (§7.2).
 */
@Component(service = { Instructions.class, AuditedChanges.class }, configurationPid = "kz.qyzmet.instructions")
@Designate(ocd = InstructionsConfiguration.class)
public class InstructionService implements Instructions, AuditedChanges {
    static final String CANCELLATION = "cancellation";
    private static final Logger LOG = LoggerFactory.getLogger(InstructionService.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final Database database;
    private final AuditJournal audit;
    private final OperationConfirmations confirmations;
    private final Documents documents;
    private final ServiceRegistry registry;
    private final BusinessCalendar calendar;
    private final Map<String, Integer> deadlineOverrides = new HashMap<>();
    private final Map<String, InstructionHandler> handlers = new ConcurrentHashMap<>();

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    /** The router notices of outcomes go through (issue 16); without it the client reads them in the cabinet only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile kz.qyzmet.messaging.api.Messaging messaging;

    private final OutcomeNotices notices;

    @Activate
    public InstructionService(@Reference Persistence persistence, @Reference AuditJournal audit,
            @Reference OperationConfirmations confirmations, @Reference Documents documents,
            @Reference ServiceRegistry registry, BundleContext context, InstructionsConfiguration config) {
        this.database = persistence.open(context.getBundle(), "instructions", InstructionMapper.class);
        this.audit = audit;
        this.confirmations = confirmations;
        this.documents = documents;
        this.registry = registry;
        this.notices = new OutcomeNotices(audit);
        this.calendar = new BusinessCalendar(new String[] { config.calendar_national_holidays() },
                new String[] { config.calendar_religious_holidays() }, new String[] { config.calendar_extra_holidays() },
                new String[] { config.calendar_extra_working_days() });
        for (String entry : config.deadlines().split(",")) {
            String[] pair = entry.split("=");
            if (pair.length == 2) {
                deadlineOverrides.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(InstructionHandler handler, Map<String, Object> properties) {
        Object id = properties.get(InstructionHandler.SERVICE_PROPERTY);
        if (id != null) {
            handlers.put(String.valueOf(id), handler);
        }
    }

    void removeHandler(InstructionHandler handler, Map<String, Object> properties) {
        Object id = properties.get(InstructionHandler.SERVICE_PROPERTY);
        if (id != null) {
            handlers.remove(String.valueOf(id), handler);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ------------------------------------------------------------------ the client's side

    @Override
    public Instruction create(NewInstruction request, Session session, Caller caller) {
        String clientId = clientOf(session);
        InstructionHandler handler = available(request.serviceId());
        handler.validate(request, clientId);
        return insert(request.serviceId(), request.kind(), clientId, request.account(), request.parameters(),
                request.summary(), session.login(), null, null, caller);
    }

    @Override
    public Submission prepare(NewInstruction request, String clientId, Caller manager) {
        if (clientId == null || clientId.isBlank()) {
            throw kz.qyzmet.common.api.Requests.invalid("clientId", LocalizedText.of("clientId міндетті.",
                    "Поле clientId обязательно.", "Field clientId is required."));
        }
        InstructionHandler handler = available(request.serviceId());
        handler.validate(request, clientId);
        Instruction created = insert(request.serviceId(), request.kind(), clientId, request.account(), request.parameters(),
                request.summary(), manager.identity(), manager.identity(), null, manager);
        // §35.3: the code goes to the client, not to the manager; the auth core checks the manager's role
        ConfirmationChallenge challenge = confirmations.requestSignature(clientId,
                new ConfirmationRequest(created.id(), created.digest(), created.summary()), manager);
        Instant now = now();
        database.inTransaction(db -> {
            InstructionMapper mapper = db.getMapper(InstructionMapper.class);
            if (mapper.awaitConfirmation(created.id(), challenge.id(), utc(now)) == 0) {
                throw notConfirmable(InstructionStatus.valueOf(mapper.find(created.id()).status));
            }
            mapper.event(created.id(), InstructionStatus.DRAFT.name(), InstructionStatus.AWAITING_CONFIRMATION.name(),
                    manager.identity(), utc(now), "prepared by a manager; code sent to the client by " + challenge.channel());
            audit.record(AuditEvent.builder("instruction.prepared", created.id()).by(manager).detail("client", clientId)
                    .detail("challenge", challenge.id()).detail("digest", created.digest()).build());
            return null;
        });
        return new Submission(reload(created.id()), challenge);
    }

    @Override
    public Submission submit(NewInstruction request, Session session, Caller caller) {
        // refused before anything is written: no DRAFT is left behind by a request that cannot be confirmed (§21)
        if (session == null || !session.isSecurity()) {
            throw kz.qyzmet.auth.api.SessionProblems.securitySessionRequired();
        }
        // the instruction and its code are one step: if the code cannot be issued, the instruction is not there either
        return database.inTransaction(db -> {
            Instruction created = create(request, session, caller);
            ConfirmationChallenge challenge = requestConfirmation(created.id(), session, caller);
            return new Submission(reload(created.id()), challenge);
        });
    }

    private Instruction insert(String serviceId, String kind, String clientId, String account, Map<String, Object> parameters,
            LocalizedText summary, String createdBy, String preparedBy, String cancels, Caller caller) {
        Instant now = now();
        InstructionRow row = new InstructionRow();
        row.id = UUID.randomUUID().toString();
        row.serviceId = serviceId;
        row.kind = kind;
        row.clientId = clientId;
        row.account = account;
        row.createdBy = createdBy;
        row.preparedBy = preparedBy;
        row.createdAt = utc(now);
        row.updatedAt = row.createdAt;
        row.cancels = cancels;
        row.status = InstructionStatus.DRAFT.name();
        return database.inTransaction(session -> {
            InstructionMapper mapper = session.getMapper(InstructionMapper.class);
            mapper.nextNumber(row.createdAt.getYear());
            row.number = String.format(Locale.ROOT, "IN-%d-%06d", row.createdAt.getYear(), mapper.lastNumber());
            // everything the client confirms, the id and time included: two identical requests are two instructions
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("instruction", row.id);
            content.put("number", row.number);
            content.put("service", serviceId);
            content.put("kind", kind);
            content.put("client", clientId);
            content.put("account", account);
            content.put("parameters", parameters);
            content.put("summary", Map.of("kk", summary.kk(), "ru", summary.ru(), "en", summary.en()));
            content.put("createdBy", createdBy);
            content.put("preparedBy", preparedBy);
            content.put("createdAt", now.toString());
            content.put("cancels", cancels);
            row.content = CanonicalContent.canonical(content);
            row.digest = CanonicalContent.sha256(row.content);
            mapper.insert(row);
            mapper.event(row.id, null, row.status, createdBy, row.createdAt, null);
            audit.record(AuditEvent.builder("instruction.created", row.id).by(caller).detail("number", row.number)
                    .detail("service", serviceId).detail("kind", kind).detail("client", clientId)
                    .detail("digest", row.digest).detail("cancels", cancels).build());
            return view(row);
        });
    }

    @Override
    public ConfirmationChallenge requestConfirmation(String instructionId, Session session, Caller caller) {
        InstructionRow row = own(session, instructionId);
        InstructionStatus status = InstructionStatus.valueOf(row.status);
        if (status != InstructionStatus.DRAFT && status != InstructionStatus.AWAITING_CONFIRMATION) {
            throw notConfirmable(status);
        }
        if (!CANCELLATION.equals(row.kind)) {
            available(row.serviceId);
        }
        Instruction instruction = view(row);
        // the auth core refuses outside a security session (§21, §36) and rate-limits codes
        ConfirmationChallenge challenge = confirmations.request(session,
                new ConfirmationRequest(row.id, row.digest, instruction.summary()));
        Instant now = now();
        database.inTransaction(db -> {
            InstructionMapper mapper = db.getMapper(InstructionMapper.class);
            if (mapper.awaitConfirmation(row.id, challenge.id(), utc(now)) == 0) {
                throw notConfirmable(InstructionStatus.valueOf(mapper.find(row.id).status));
            }
            if (status == InstructionStatus.DRAFT) {
                mapper.event(row.id, status.name(), InstructionStatus.AWAITING_CONFIRMATION.name(), session.login(), utc(now),
                        "code sent by " + challenge.channel());
            }
            audit.record(AuditEvent.builder("instruction.confirmation.requested", row.id).by(caller)
                    .detail("challenge", challenge.id()).detail("digest", row.digest).detail("channel", challenge.channel()).build());
            return null;
        });
        return challenge;
    }

    @Override
    public Instruction confirm(String instructionId, String challengeId, String code, Session session, Caller caller) {
        InstructionRow row = own(session, instructionId);
        InstructionStatus status = InstructionStatus.valueOf(row.status);
        if (status != InstructionStatus.AWAITING_CONFIRMATION) {
            throw notConfirmable(status);
        }
        boolean cancellation = CANCELLATION.equals(row.kind);
        InstructionHandler handler = cancellation ? null : available(row.serviceId);
        // the code must have been sent for exactly this digest (§25.2): another instruction's code, or this
        // instruction changed, is refused by the auth core and counts towards the §42 lock
        Confirmation confirmation = confirmations.confirm(session, challengeId, row.digest, code, caller);
        if (!row.id.equals(confirmation.subject())) {
            throw new IllegalStateException("a confirmation of " + confirmation.subject() + " arrived for " + row.id);
        }
        Instant now = now();
        database.inTransaction(db -> {
            InstructionMapper mapper = db.getMapper(InstructionMapper.class);
            if (mapper.confirm(row.id, session.id(), utc(now)) == 0) {
                throw notConfirmable(InstructionStatus.valueOf(mapper.find(row.id).status));
            }
            mapper.event(row.id, status.name(), InstructionStatus.CONFIRMED.name(), session.login(), utc(now),
                    "challenge " + challengeId);
            audit.record(AuditEvent.builder("instruction.confirmed", row.id).by(caller).detail("number", row.number)
                    .detail("digest", row.digest).detail("challenge", challengeId).detail("session", session.id()).build());
            return null;
        });
        return cancellation ? applyCancellation(reload(row.id), caller) : process(reload(row.id), handler, caller);
    }

    /** The handler's outcome, recorded; a handler that fails leaves a refusal with a reason, never a hanging instruction. */
    private Instruction process(Instruction instruction, InstructionHandler handler, Caller caller) {
        if (!handler.executesInTransaction()) {
            record(instruction, outcomeOf(instruction, handler, caller), caller);
            return reload(instruction.id());
        }
        try {
            // what the handler sets aside (a hold) and the instruction's outcome commit together (§45.1); a refusal
            // it throws is undone to its savepoint, and the refusal is what commits
            database.inTransaction(db -> {
                Outcome outcome;
                try {
                    outcome = database.inTransaction(joined -> handler.execute(instruction, caller));
                } catch (ProblemException refused) {
                    outcome = Outcome.refused(refused.detail());
                }
                record(instruction, outcome, caller);
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.error("service {} failed on instruction {}", instruction.serviceId(), instruction.id(), failure);
            record(instruction, Outcome.refused(NOT_NOW), caller);
        }
        return reload(instruction.id());
    }

    private static final LocalizedText NOT_NOW = LocalizedText.of(
            "Өтінішті қазір орындау мүмкін болмады; кейінірек қайталаңыз немесе брокерге хабарласыңыз.",
            "Поручение не удалось исполнить сейчас; повторите позже или обратитесь к брокеру.",
            "The instruction could not be carried out now; try again later or contact the broker.");

    /** Moves a confirmed instruction to the handler's outcome. */
    private void record(Instruction instruction, Outcome outcome, Caller caller) {
        String actor = caller.identity();
        Instant now = now();
        switch (outcome.status()) {
        case EXECUTED -> move(instruction, InstructionStatus.CONFIRMED, InstructionStatus.EXECUTED, actor,
                mapper -> mapper.execute(instruction.id(), InstructionStatus.CONFIRMED.name(),
                        String.join(",", outcome.documentIds()), utc(now)), caller, Map.of("documents",
                                String.join(",", outcome.documentIds())));
        case REFUSED -> end(instruction, InstructionStatus.CONFIRMED, InstructionStatus.REFUSED, outcome.reason(), actor,
                caller);
        case ACCEPTED -> {
            Instant due = calendar.deadline(now, processingDays(instruction.serviceId()));
            move(instruction, InstructionStatus.CONFIRMED, InstructionStatus.ACCEPTED, actor,
                    mapper -> mapper.accept(instruction.id(), InstructionStatus.CONFIRMED.name(),
                            InstructionStatus.ACCEPTED.name(), utc(due), utc(now)), caller, Map.of("dueBy", due.toString()));
        }
        case IN_WORK -> move(instruction, InstructionStatus.CONFIRMED, InstructionStatus.IN_WORK, actor,
                mapper -> mapper.work(instruction.id(), "system:" + instruction.serviceId(), utc(now)), caller,
                Map.of("by", "system"));
        default -> throw new IllegalStateException("a handler answered " + outcome.status());
        }
    }

    private static Outcome outcomeOf(Instruction instruction, InstructionHandler handler, Caller caller) {
        try {
            return handler.execute(instruction, caller);
        } catch (ProblemException refused) {
            return Outcome.refused(refused.detail());
        } catch (RuntimeException failure) {
            LOG.error("service {} failed on instruction {}", instruction.serviceId(), instruction.id(), failure);
            return Outcome.refused(NOT_NOW);
        }
    }

    private int processingDays(String serviceId) {
        Integer configured = deadlineOverrides.get(serviceId);
        if (configured != null) {
            return configured;
        }
        return registry.find(serviceId).map(RegisteredService::descriptor)
                .filter(descriptor -> descriptor.processing() == Processing.STAFF)
                .map(descriptor -> Math.max(1, descriptor.processingDays())).orElse(1);
    }

    @Override
    public Instruction cancel(String instructionId, Session session, Caller caller) {
        InstructionRow target = own(session, instructionId);
        InstructionStatus status = InstructionStatus.valueOf(target.status);
        if (!status.isCancellable() || CANCELLATION.equals(target.kind)) {
            throw notCancellable(status);
        }
        InstructionHandler handler = handlers.get(target.serviceId);
        if (handler != null) {
            // the status allows it, the service may know better (the payment already went to the bank)
            handler.whyNotCancellable(view(target)).ifPresent(why -> {
                throw new ProblemException(409, CommonProblems.CONFLICT, why, Map.of("status", status.name()), Map.of());
            });
        }
        LocalizedText summary = LocalizedText.of("№ " + target.number + " өтінішті болдырмау",
                "Отмена поручения № " + target.number, "Cancellation of instruction No. " + target.number);
        return insert(target.serviceId, CANCELLATION, target.clientId, target.account,
                Map.of("cancels", target.id, "cancelsNumber", target.number), summary, session.login(), null, target.id, caller);
    }

    private Instruction applyCancellation(Instruction cancellation, Caller caller) {
        Instruction target = reload(cancellation.cancels());
        if (!target.status().isCancellable()) {
            end(cancellation, InstructionStatus.CONFIRMED, InstructionStatus.REFUSED, notCancellable(target.status()).detail(),
                    caller.identity(), caller);
            return reload(cancellation.id());
        }
        LocalizedText reason = LocalizedText.of("Клиенттің № " + cancellation.number() + " болдырмау өтініші бойынша.",
                "По поручению клиента на отмену № " + cancellation.number() + ".",
                "At the client's cancellation instruction No. " + cancellation.number() + ".");
        try {
            endWithService(target, InstructionStatus.CANCELLED, reason, caller);
        } catch (ProblemException refused) {
            // the service could not undo its part any more (the payment went out meanwhile): the cancellation is refused
            end(cancellation, InstructionStatus.CONFIRMED, InstructionStatus.REFUSED, refused.detail(), caller.identity(),
                    caller);
            return reload(cancellation.id());
        }
        Instant now = now();
        move(cancellation, InstructionStatus.CONFIRMED, InstructionStatus.EXECUTED, caller.identity(),
                mapper -> mapper.execute(cancellation.id(), InstructionStatus.CONFIRMED.name(), "", utc(now)), caller,
                Map.of("cancelled", target.id()));
        return reload(cancellation.id());
    }

    @Override
    public Optional<Instruction> ofClient(String clientId, String instructionId) {
        return find(instructionId).filter(instruction -> instruction.clientId().equals(clientId));
    }

    @Override
    public List<Instruction> ofClient(String clientId, int limit) {
        return database.read(db -> db.getMapper(InstructionMapper.class).ofClient(clientId, Math.max(1, Math.min(limit, 500))))
                .stream().map(InstructionService::view).toList();
    }

    @Override
    public List<Instruction> ofClient(String clientId, String serviceId, int limit) {
        return database.read(db -> db.getMapper(InstructionMapper.class).ofClientAndService(clientId, serviceId,
                Math.max(1, Math.min(limit, 500)))).stream().map(InstructionService::view).toList();
    }

    @Override
    public List<kz.qyzmet.instructions.api.StatusChange> history(String instructionId) {
        if (instructionId == null || instructionId.length() != 36) {
            return List.of();
        }
        return database.read(db -> db.getMapper(InstructionMapper.class).history(instructionId)).stream()
                .map(row -> new kz.qyzmet.instructions.api.StatusChange(row.from() == null ? null : InstructionStatus.valueOf(row.from()),
                        InstructionStatus.valueOf(row.to()), row.actor(), row.at().toInstant(java.time.ZoneOffset.UTC)))
                .toList();
    }

    @Override
    public Optional<Instruction> find(String instructionId) {
        if (instructionId == null || instructionId.length() != 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(db -> db.getMapper(InstructionMapper.class).find(instructionId)))
                .map(InstructionService::view);
    }

    // ------------------------------------------------------------------ back office

    @Override
    public List<Instruction> queue(QueueQuery query) {
        List<String> statuses = query.status() == null
                ? List.of(InstructionStatus.ACCEPTED.name(), InstructionStatus.IN_WORK.name())
                : List.of(query.status().name());
        LocalDateTime overdueBefore = query.overdueOnly() ? utc(now()) : null;
        return database.read(db -> db.getMapper(InstructionMapper.class).queue(statuses, query.serviceId(), overdueBefore,
                Math.max(1, Math.min(query.limit(), 500)))).stream().map(InstructionService::view).toList();
    }

    @Override
    public Instruction take(String instructionId, Caller operator) {
        Instruction instruction = existing(instructionId);
        Instant now = now();
        move(instruction, InstructionStatus.ACCEPTED, InstructionStatus.IN_WORK, operator.identity(),
                mapper -> mapper.take(instructionId, operator.identity(), utc(now)), operator, Map.of());
        return reload(instructionId);
    }

    @Override
    public Instruction complete(String instructionId, List<String> documentIds, Caller operator) {
        Instruction instruction = existing(instructionId);
        if (instruction.status() != InstructionStatus.IN_WORK) {
            throw conflict(instruction.status());
        }
        List<String> given = documentIds == null ? List.of() : documentIds;
        InstructionHandler handler = handlers.get(instruction.serviceId());
        database.inTransaction(db -> {
            // the service does what completing means for it (posts, sends) in the same transaction as the move
            Outcome outcome = handler == null ? Outcome.executed(List.of())
                    : handler.completing(instruction, given, operator);
            Instant now = now();
            if (outcome.status() == InstructionStatus.IN_WORK) {
                String system = "system:" + instruction.serviceId();
                move(instruction, InstructionStatus.IN_WORK, InstructionStatus.IN_WORK, operator.identity(),
                        mapper -> mapper.handOver(instructionId, system, utc(now)), operator, Map.of("by", system));
                return null;
            }
            if (outcome.status() != InstructionStatus.EXECUTED) {
                throw new IllegalStateException("a completion answered " + outcome.status());
            }
            List<String> all = new ArrayList<>(given);
            outcome.documentIds().stream().filter(id -> !all.contains(id)).forEach(all::add);
            String documentList = String.join(",", all);
            move(instruction, InstructionStatus.IN_WORK, InstructionStatus.EXECUTED, operator.identity(),
                    mapper -> mapper.execute(instructionId, InstructionStatus.IN_WORK.name(), documentList, utc(now)), operator,
                    Map.of("documents", documentList));
            return null;
        });
        Instruction done = reload(instructionId);
        database.afterCommit(() -> notices.send(messaging, done));
        return done;
    }

    @Override
    public Instruction reject(String instructionId, LocalizedText reason, Caller operator) {
        Instruction instruction = existing(instructionId);
        if (instruction.status() != InstructionStatus.IN_WORK && instruction.status() != InstructionStatus.ACCEPTED) {
            throw conflict(instruction.status());
        }
        endWithService(instruction, InstructionStatus.REJECTED, reason, operator);
        Instruction rejected = reload(instructionId);
        database.afterCommit(() -> notices.send(messaging, rejected));
        return rejected;
    }

    /** Ends an instruction unexecuted together with its service's undoing of what it set aside (a hold released). */
    private void endWithService(Instruction instruction, InstructionStatus to, LocalizedText reason, Caller caller) {
        InstructionHandler handler = handlers.get(instruction.serviceId());
        database.inTransaction(db -> {
            if (handler != null) {
                handler.ending(instruction, to, reason, caller);
            }
            end(instruction, instruction.status(), to, reason, caller.identity(), caller);
            return null;
        });
    }

    // ------------------------------------------------------------------ completeness of the journal (§45.1)

    @Override
    public String name() {
        return "instruction transitions";
    }

    /** Every transition in {@code instr_event} needs its journal record, of the type its target status is journalled as. */
    @Override
    public void forEach(java.util.function.Consumer<AuditedChanges.Expected> sink) {
        database.read(db -> {
            db.getMapper(InstructionMapper.class).transitions(context -> {
                InstructionMapper.Transition transition = context.getResultObject();
                sink.accept(new AuditedChanges.Expected(transition.instructionId(), recordTypes(transition.statusTo()),
                        "transition of instruction " + transition.instructionId() + " to " + transition.statusTo()));
            });
            return null;
        });
    }

    static java.util.Set<String> recordTypes(String status) {
        return switch (InstructionStatus.valueOf(status)) {
        case DRAFT -> java.util.Set.of("instruction.created");
        case AWAITING_CONFIRMATION -> java.util.Set.of("instruction.confirmation.requested", "instruction.prepared");
        case CONFIRMED -> java.util.Set.of("instruction.confirmed");
        default -> java.util.Set.of("instruction." + status.toLowerCase(Locale.ROOT).replace('_', '-'));
        };
    }

    // ------------------------------------------------------------------ moves

    @FunctionalInterface
    private interface Move {
        int apply(InstructionMapper mapper);
    }

    private void move(Instruction instruction, InstructionStatus from, InstructionStatus to, String actor, Move move,
            Caller caller, Map<String, String> details) {
        if (instruction.status() != from) {
            throw conflict(instruction.status());
        }
        Instant now = now();
        database.inTransaction(db -> {
            InstructionMapper mapper = db.getMapper(InstructionMapper.class);
            if (move.apply(mapper) == 0) {
                throw conflict(InstructionStatus.valueOf(mapper.find(instruction.id()).status));
            }
            mapper.event(instruction.id(), from.name(), to.name(), actor, utc(now), details.isEmpty() ? null : details.toString());
            // the transition and its record commit together (§45.1)
            AuditEvent.Builder event = AuditEvent.builder("instruction." + to.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    instruction.id()).by(caller).detail("number", instruction.number()).detail("from", from.name())
                    .detail("to", to.name());
            details.forEach(event::detail);
            audit.record(event.build());
            return null;
        });
    }

    private void end(Instruction instruction, InstructionStatus from, InstructionStatus to, LocalizedText reason, String actor,
            Caller caller) {
        Instant now = now();
        move(instruction, from, to, actor, mapper -> mapper.end(instruction.id(), from.name(), to.name(), reason.kk(),
                reason.ru(), reason.en(), utc(now)), caller, Map.of("reason", reason.en()));
    }

    /**
     * The immutable "client instruction" form (§45.4): what was confirmed, by whom,
     * when, and its digest. Issued the first time it is asked for — its content is the
     * confirmed content, which never changes — then stored and returned ever after.
     * The instruction's row is locked meanwhile, so two first requests give one form.
     */
    @Override
    public String form(String instructionId, Session session, Caller caller) {
        InstructionRow own = own(session, instructionId);
        if (own.confirmedAt == null) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Өтініш әлі расталмаған: оның нысаны жоқ.", "Поручение ещё не подтверждено: у него нет формы.",
                    "The instruction is not confirmed yet: it has no form."));
        }
        if (own.formDocumentId != null) {
            return own.formDocumentId;
        }
        return database.inTransaction(db -> {
            InstructionMapper mapper = db.getMapper(InstructionMapper.class);
            InstructionRow locked = mapper.lock(instructionId);
            if (locked.formDocumentId != null) {
                return locked.formDocumentId;
            }
            String formId = issueForm(view(locked), session.language(), caller);
            mapper.attachForm(instructionId, formId, utc(now()));
            return formId;
        });
    }

    private String issueForm(Instruction instruction, Language language, Caller caller) {
        FormText text = FormText.of(language);
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(text.instruction(), instruction.number()));
        fields.add(new Block.Field(text.service(), registry.find(instruction.serviceId())
                .map(service -> service.descriptor().title().in(language)).orElse(instruction.serviceId())));
        fields.add(new Block.Field(text.kind(), instruction.kind()));
        fields.add(new Block.Field(text.client(), instruction.clientId()));
        fields.add(new Block.Field(text.account(), instruction.account() == null ? "—" : instruction.account()));
        fields.add(new Block.Field(text.summary(), instruction.summary().in(language)));
        fields.add(new Block.Field(text.created(), shown(instruction.createdAt()) + " · " + instruction.createdBy()));
        if (instruction.preparedBy() != null) {
            fields.add(new Block.Field(text.preparedBy(), instruction.preparedBy()));
        }
        fields.add(new Block.Field(text.confirmed(), shown(instruction.confirmedAt())));
        fields.add(new Block.Field("SHA-256", instruction.digest()));
        List<List<String>> parameters = new ArrayList<>();
        flatten("", instruction.parameters(), parameters);
        DocumentSpec spec = new DocumentSpec("client-instruction", instruction.clientId(), language,
                text.title() + " № " + instruction.number(),
                List.of(new Block.Fields(fields), new Block.Heading(text.parameters()),
                        Block.Table.of(List.of(new Block.Column(text.parameter(), 2, false), new Block.Column(text.value(), 3, false)),
                                parameters, null),
                        new Block.Paragraph(text.statement())),
                instruction.id());
        return documents.issue(spec, caller).id();
    }

    private static void flatten(String prefix, Object value, List<List<String>> rows) {
        if (value instanceof Map<?, ?> map) {
            map.keySet().stream().map(String::valueOf).sorted().forEach(key -> flatten(prefix.isEmpty() ? key : prefix + "." + key,
                    map.get(key), rows));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), rows);
            }
        } else {
            rows.add(List.of(prefix, value == null ? "—" : String.valueOf(value)));
        }
    }

    private static String shown(Instant at) {
        return at == null ? "—" : SHOWN.format(at.atZone(BusinessCalendar.BROKER_ZONE)) + " (UTC+5)";
    }

    // ------------------------------------------------------------------ helpers

    private String clientOf(Session session) {
        if (session == null) {
            throw new ProblemException(401, CommonProblems.UNAUTHENTICATED, LocalizedText.of(
                    "Өтініш беру үшін жеке кабинетке кіріңіз.", "Чтобы подать поручение, войдите в личный кабинет.",
                    "Log in to the personal cabinet to give an instruction."));
        }
        if (session.clientId() == null) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of(
                    "Өтінішті тек клиент бере алады.", "Поручение может подать только клиент.",
                    "Only a client can give an instruction."));
        }
        return session.clientId();
    }

    /** The client's own instruction; another client's is the same 404 as one that does not exist. */
    private InstructionRow own(Session session, String instructionId) {
        String clientId = clientOf(session);
        InstructionRow row = instructionId == null || instructionId.length() != 36 ? null
                : database.read(db -> db.getMapper(InstructionMapper.class).find(instructionId));
        if (row == null || !row.clientId.equals(clientId)) {
            throw notFound();
        }
        return row;
    }

    private Instruction existing(String instructionId) {
        return find(instructionId).orElseThrow(InstructionService::notFound);
    }

    private Instruction reload(String instructionId) {
        return existing(instructionId);
    }

    /** The service's handler, if the service is installed and enabled; otherwise the reason (§29). */
    private InstructionHandler available(String serviceId) {
        InstructionHandler handler = handlers.get(serviceId);
        if (handler == null) {
            // no such service here (never installed, or removed): the request names something that is not there,
            // which is the caller's 404, not the platform's 503 (a disabled service, below, is the 503)
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                    "«{service}» қызметі орнатылмаған.", "Сервис «{service}» не установлен.",
                    "The service '{service}' is not installed.").format(Map.of("service", serviceId)),
                    Map.of("field", "serviceId"), Map.of());
        }
        ServiceStatus status = registry.status(serviceId);
        if (!status.isAvailable()) {
            LocalizedText reason = status.reason() == null ? LocalizedText.of("Қызмет өшірілген.", "Сервис отключён.",
                    "The service is switched off.") : status.reason();
            throw new ProblemException(503, CommonProblems.UNAVAILABLE, reason, Map.of("service", serviceId,
                    "state", status.state().name()), Map.of());
        }
        return handler;
    }

    static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Өтініш табылмады.",
                "Поручение не найдено.", "No such instruction."));
    }

    private static ProblemException notConfirmable(InstructionStatus status) {
        return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Өтінішті растау мүмкін емес: оның күйі {status}.", "Поручение нельзя подтвердить: его статус {status}.",
                "The instruction cannot be confirmed: its status is {status}.").format(Map.of("status", status.name())),
                Map.of("status", status.name()), Map.of());
    }

    private static ProblemException notCancellable(InstructionStatus status) {
        return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Өтінішті болдырмау мүмкін емес: оның күйі {status}.", "Поручение нельзя отменить: его статус {status}.",
                "The instruction cannot be cancelled: its status is {status}.").format(Map.of("status", status.name())),
                Map.of("status", status.name()), Map.of());
    }

    private static ProblemException conflict(InstructionStatus status) {
        return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Бұл әрекет {status} күйіндегі өтініш үшін мүмкін емес.", "Это действие невозможно для поручения в статусе {status}.",
                "This is not possible for an instruction in status {status}.").format(Map.of("status", status.name())),
                Map.of("status", status.name()), Map.of());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    static Instruction view(InstructionRow row) {
        Map<String, Object> content = CanonicalContent.parse(row.content);
        Map<String, Object> summary = (Map<String, Object>) content.get("summary");
        Map<String, Object> parameters = (Map<String, Object>) content.getOrDefault("parameters", Map.of());
        LocalizedText reason = row.reasonEn == null ? null : LocalizedText.of(row.reasonKk, row.reasonRu, row.reasonEn);
        List<String> results = row.resultDocumentIds == null || row.resultDocumentIds.isEmpty() ? List.of()
                : Arrays.asList(row.resultDocumentIds.split(","));
        return new Instruction(row.id, row.number, row.serviceId, row.kind, row.clientId, row.account, parameters,
                LocalizedText.of(String.valueOf(summary.get("kk")), String.valueOf(summary.get("ru")),
                        String.valueOf(summary.get("en"))),
                row.content, row.digest, row.createdBy, row.preparedBy, instant(row.createdAt),
                InstructionStatus.valueOf(row.status), instant(row.confirmedAt), instant(row.dueBy), row.takenBy, reason,
                row.cancels, row.formDocumentId, results, instant(row.updatedAt));
    }
}
