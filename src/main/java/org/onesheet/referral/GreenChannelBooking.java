package org.onesheet.referral;

import org.onesheet.system.Refusals;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * 绿色通道: when the receiving organisation accepts a green-channel referral, books the patient on the
 * earliest free reserved Slot there (an expert number, or a bed when the referral asks for one) in the same
 * database transaction as the accept: the Slot turns busy, an Appointment is created, the Task's output
 * points at it and its business status becomes scheduled. No free slot, no accept: 409.
 *
 * <p>Two accepts racing for the last slot are settled by the database, not by this JVM: both change the same
 * Slot row, whose version HAPI's entity guards (optimistic lock). The loser either reads the slot after the
 * winner committed and finds it taken, or waits for the winner's row lock at its flush and finds the version
 * moved; either way it is refused with a 409 that says to send the accept again (which books the next free
 * slot, if any).
 */
@Component
@Interceptor
public class GreenChannelBooking {

	static final int ORDER = 20;

	private final ReferralTasks referralTasks;
	private final ReservedCapacity capacity;
	private final DaoRegistry daos;

	@PersistenceContext
	private EntityManager entityManager;

	public GreenChannelBooking(ReferralTasks referralTasks, ReservedCapacity capacity, DaoRegistry daos,
			IInterceptorService storageInterceptors) {
		this.referralTasks = referralTasks;
		this.capacity = capacity;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
		if (!(resource instanceof Task task) || !(previous instanceof Task before)
				|| task.getStatus() != TaskStatus.ACCEPTED || before.getStatus() == TaskStatus.ACCEPTED
				|| !referralTasks.isBrokered(task, transaction)) {
			return;
		}
		ServiceRequest referral = referralTasks.focusOf(task, transaction);
		if (ReferralCategory.isGreenChannel(referral) && ReferralOutputs.of(task, ReferralOutputs.APPOINTMENT).findAny().isEmpty()) {
			book(task, referral);
		}
	}

	private void book(Task task, ServiceRequest referral) {
		String owner = task.getOwner().getReferenceElement().toUnqualifiedVersionless().getValue();
		String kind = ReservedCapacity.kindAskedFor(referral);
		String what = ReservedCapacity.BED.equals(kind) ? "预留床位 (reserved bed)" : "预留专家号 (reserved expert number)";
		Slot slot = capacity.earliestFree(owner, kind, new Date()).orElseThrow(() -> Refusals.conflict(
				"没有空余的绿色通道" + what + "，无法接收 (no free " + what + " is left at " + owner
						+ ": publish more Slots, or accept the referral outside the green channel)", "Task.status"));
		Schedule schedule = capacity.scheduleOf(slot);
		slot = takeSlot(slot, what);
		Appointment appointment = appointment(task, referral, slot, schedule);
		IIdType booked = daos.getResourceDao(Appointment.class).create(appointment, new SystemRequestDetails()).getId();
		task.addOutput()
				.setType(ReferralOutputs.type(ReferralOutputs.APPOINTMENT, "预约"))
				.setValue(new Reference(booked.toUnqualifiedVersionless()).setDisplay(appointment.getDescription()));
		task.setBusinessStatus(new CodeableConcept(new Coding(Systems.REFERRAL_STATUS, "scheduled", "已预约")));
	}

	/**
	 * Marks the slot busy, guarded twice by its row version: the slot is read again inside this transaction
	 * (an accept that committed since the search shows here as a newer version, or as busy), and the update
	 * is flushed at once, so that one committing between this read and the write fails the optimistic lock.
	 */
	private Slot takeSlot(Slot found, String what) {
		IdType slotId = found.getIdElement().toUnqualifiedVersionless();
		ResourceVersionConflictException taken = Refusals.conflict("该" + what + "刚被另一转诊预约，请重新接收以预约下一个空号 ("
				+ slotId.getValue() + " was booked for another referral at the same moment; send the accept again to book the next free one)",
				"Task.status");
		try {
			Slot current = daos.getResourceDao(Slot.class).read(slotId, new SystemRequestDetails());
			if (current.getStatus() != Slot.SlotStatus.FREE
					|| !current.getMeta().getVersionId().equals(found.getMeta().getVersionId())) {
				throw taken;
			}
			current.setStatus(Slot.SlotStatus.BUSY);
			daos.getResourceDao(Slot.class).update(current, new SystemRequestDetails());
			entityManager.flush();
			return current;
		} catch (PersistenceException e) {
			throw taken;
		}
	}

	private static Appointment appointment(Task task, ServiceRequest referral, Slot slot, Schedule schedule) {
		Appointment appointment = new Appointment();
		appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
		appointment.setServiceType(schedule.getServiceType());
		appointment.setSpecialty(schedule.getSpecialty());
		appointment.setDescription("绿色通道转诊：" + (referral.getCode().hasText() ? referral.getCode().getText()
				: schedule.getServiceTypeFirstRep().getCodingFirstRep().getDisplay()));
		appointment.addSlot(new Reference(slot.getIdElement().toUnqualifiedVersionless()));
		appointment.setStart(slot.getStart()).setEnd(slot.getEnd()).setCreated(new Date());
		appointment.addBasedOn(new Reference(referral.getIdElement().toUnqualifiedVersionless()));
		appointment.addParticipant().setActor(task.getFor().copy())
				.setStatus(Appointment.ParticipationStatus.ACCEPTED);
		schedule.getActor().forEach(actor -> appointment.addParticipant().setActor(actor.copy())
				.setStatus(Appointment.ParticipationStatus.ACCEPTED));
		return appointment;
	}
}
