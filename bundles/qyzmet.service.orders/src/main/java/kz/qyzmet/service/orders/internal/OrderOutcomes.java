package kz.qyzmet.service.orders.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.trading.api.OrderEvent;
import kz.qyzmet.trading.api.OrderListener;

/**
 * Finishes the instruction an order event answers, in the event's transaction:
 * executed when the exchange accepted the order, cancelled or replaced it as
 * asked; refused (rejected) with the exchange's reason when it did not. Events
 * for instructions already finished (a fill after the acceptance) change
 * nothing here.
 */
@Component
public class OrderOutcomes implements OrderListener {
    private final Instructions instructions;

    @Activate
    public OrderOutcomes(@Reference Instructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public void changed(OrderEvent event) {
        if (event.reference() == null || event.reference().isBlank()) {
            return;
        }
        Instruction instruction = instructions.find(event.reference()).filter(found -> OrdersService.ID.equals(
                found.serviceId())).orElse(null);
        if (instruction == null || instruction.status() != InstructionStatus.IN_WORK) {
            return;
        }
        Caller system = new Caller("system:" + OrdersService.ID, "system", "", "", instruction.id());
        switch (event.kind()) {
        case ACCEPTED, FILLED, CANCELLED, REPLACED, EXPIRED -> instructions.complete(instruction.id(), java.util.List.of(),
                system);
        case REJECTED, CHANGE_REFUSED -> instructions.reject(instruction.id(), event.reason() != null ? event.reason()
                : LocalizedText.of("Биржа бас тартты.", "Биржа отказала.", "The exchange refused."), system);
        default -> {
        }
        }
    }
}
