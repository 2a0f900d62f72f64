package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onesheet.referral.TestReferrals.COUNTY;
import static org.onesheet.referral.TestReferrals.move;
import static org.onesheet.referral.TestReferrals.sendUpward;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.AtOnce;
import org.onesheet.support.FhirEndpoint;

/**
 * 绿色通道: accepting a green-channel referral books a reserved slot or bed in the same transaction, and the
 * last free slot is never given twice, however the accepts race.
 */
public interface GreenChannelContract {

	int RACE_ROUNDS = 10;
	int RACERS = 4;

	FhirEndpoint endpoint();

	private Task receivedGreenReferral(String to, Consumer<ServiceRequest> adjust) {
		return move(endpoint(), sendUpward(endpoint(), to, true, adjust), TaskStatus.RECEIVED, to);
	}

	private Appointment appointmentOf(Task task) {
		Reference booked = task.getOutput().stream()
				.filter(output -> "appointment".equals(output.getType().getCodingFirstRep().getCode()))
				.map(output -> (Reference) output.getValue()).findFirst().orElseThrow();
		return endpoint().client().read().resource(Appointment.class).withId(new IdType(booked.getReference())).execute();
	}

	private Slot read(Reference slot) {
		return endpoint().client().read().resource(Slot.class).withId(new IdType(slot.getReference())).execute();
	}

	@Test
	default void acceptingAGreenChannelReferralBooksTheEarliestReservedExpertNumber() {
		Task accepted = move(endpoint(), receivedGreenReferral(COUNTY, request -> {
		}), TaskStatus.ACCEPTED, COUNTY);

		assertThat(accepted.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("scheduled");
		Appointment appointment = appointmentOf(accepted);
		assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(appointment.getBasedOnFirstRep().getReference()).isEqualTo(accepted.getFocus().getReference());
		assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
				.contains(TestReferrals.PATIENT);
		Slot slot = read(appointment.getSlotFirstRep());
		assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
		assertThat(slot.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("expert-number");
		assertThat(slot.getStart()).isAfter(new Date()).isEqualTo(appointment.getStart());
	}

	@Test
	default void aNoShowRecordedOnTheAppointmentShowsOnTheReferral() {
		Task accepted = move(endpoint(), receivedGreenReferral(COUNTY, request -> {
		}), TaskStatus.ACCEPTED, COUNTY);
		Appointment appointment = appointmentOf(accepted);

		appointment.setStatus(Appointment.AppointmentStatus.NOSHOW);
		endpoint().client().update().resource(appointment).execute();

		Task task = endpoint().client().read().resource(Task.class)
				.withId(accepted.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("no-show");
		assertThat(task.getStatus()).isEqualTo(TaskStatus.ACCEPTED);
	}

	@Test
	default void aReferralAskingForABedGetsAReservedBed() {
		Task accepted = move(endpoint(), receivedGreenReferral(COUNTY, request -> request.addOrderDetail(
				new CodeableConcept(new Coding(Systems.GREEN_CHANNEL_RESERVATION, "bed", "预留床位")))),
				TaskStatus.ACCEPTED, COUNTY);

		Slot bedDay = read(appointmentOf(accepted).getSlotFirstRep());
		assertThat(bedDay.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("bed");
		Schedule bed = endpoint().client().read().resource(Schedule.class)
				.withId(new IdType(bedDay.getSchedule().getReference())).execute();
		Location place = endpoint().client().read().resource(Location.class)
				.withId(new IdType(bed.getActorFirstRep().getReference())).execute();
		assertThat(place.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("bd");
		assertThat(place.getName()).contains("床");
	}

	@Test
	default void aReferralOutsideTheGreenChannelBooksNothing() {
		Task received = move(endpoint(), sendUpward(endpoint(), COUNTY, false, request -> {
		}), TaskStatus.RECEIVED, COUNTY);

		Task accepted = move(endpoint(), received, TaskStatus.ACCEPTED, COUNTY);

		assertThat(accepted.getOutput()).isEmpty();
		assertThat(accepted.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("accepted");
	}

	@Test
	default void withNoFreeSlotTheAcceptIsRefusedAndNothingChanges() {
		String department = departmentWithOneFreeSlot().organization();
		Task first = receivedGreenReferral(department, request -> {
		});
		Task second = receivedGreenReferral(department, request -> {
		});
		move(endpoint(), first, TaskStatus.ACCEPTED, department);

		assertThatThrownBy(() -> move(endpoint(), second, TaskStatus.ACCEPTED, department))
				.isInstanceOfSatisfying(ResourceVersionConflictException.class, refusal -> assertThat(
						((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
						.contains("no free").contains("预留专家号"));
		Task unchanged = endpoint().client().read().resource(Task.class)
				.withId(second.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(unchanged.getStatus()).isEqualTo(TaskStatus.RECEIVED);
		assertThat(unchanged.getOutput()).isEmpty();
	}

	@Test
	default void theLastFreeSlotIsBookedOnceHoweverTheAcceptsRace() throws Exception {
		for (int round = 0; round < RACE_ROUNDS; round++) {
			Department department = departmentWithOneFreeSlot();
			List<Task> received = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				received.add(receivedGreenReferral(department.organization(), request -> {
				}));
			}
			List<Callable<Integer>> accepts = new ArrayList<>();
			for (Task task : received) {
				accepts.add(() -> {
					try {
						move(endpoint(), task, TaskStatus.ACCEPTED, department.organization());
						return 200;
					} catch (ResourceVersionConflictException refused) {
						assertThat(((OperationOutcome) refusal(refused)).getIssueFirstRep().getDiagnostics())
								.containsAnyOf("booked for another referral", "no free");
						return 409;
					}
				});
			}
			List<Integer> statuses = AtOnce.run(accepts, Duration.ofSeconds(120));

			assertThat(statuses).as("round %d", round).containsOnlyOnce(200).containsOnly(200, 409);
			Bundle bookings = endpoint().client().search().forResource(Appointment.class)
					.where(Appointment.SLOT.hasId(department.slot())).returnBundle(Bundle.class).execute();
			assertThat(bookings.getEntry()).as("round %d", round).hasSize(1);
			assertThat(read(new Reference(department.slot())).getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
			long acceptedTasks = received.stream().map(task -> endpoint().client().read().resource(Task.class)
					.withId(task.getIdElement().toUnqualifiedVersionless()).execute())
					.filter(task -> task.getStatus() == TaskStatus.ACCEPTED).count();
			assertThat(acceptedTasks).isEqualTo(1);
		}
	}

	private static Object refusal(ResourceVersionConflictException refused) {
		return refused.getOperationOutcome();
	}

	/** A county department with one reserved expert number tomorrow. */
	record Department(String organization, String slot) {
	}

	private Department departmentWithOneFreeSlot() {
		IGenericClient client = endpoint().client();
		Organization organization = new Organization();
		organization.setName("吉木萨尔县总医院测试专科门诊").setActive(true).setPartOf(new Reference(COUNTY));
		String org = client.create().resource(organization).execute().getId().toUnqualifiedVersionless().getValue();
		Location room = new Location();
		room.setName("测试专家诊室").setManagingOrganization(new Reference(org));
		String roomId = client.create().resource(room).execute().getId().toUnqualifiedVersionless().getValue();
		Schedule schedule = new Schedule();
		schedule.getMeta().addProfile(Systems.PROFILE_GREEN_CHANNEL_SCHEDULE);
		schedule.setActive(true).addActor(new Reference(roomId));
		schedule.addServiceType(new CodeableConcept(new Coding(Systems.GREEN_CHANNEL_RESERVATION, "expert-number", "预留专家号")));
		String scheduleId = client.create().resource(schedule).execute().getId().toUnqualifiedVersionless().getValue();
		Slot slot = new Slot();
		slot.setSchedule(new Reference(scheduleId)).setStatus(Slot.SlotStatus.FREE);
		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		slot.setStart(Date.from(tomorrow)).setEnd(Date.from(tomorrow.plus(30, ChronoUnit.MINUTES)));
		String slotId = client.create().resource(slot).execute().getId().toUnqualifiedVersionless().getValue();
		return new Department(org, slotId);
	}
}
