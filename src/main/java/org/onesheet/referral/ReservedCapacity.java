package org.onesheet.referral;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Slot;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * The green channel's reserved capacity of a receiving organisation (预留专家号、预留床位): Schedules of
 * serviceType expert-number or bed whose Location belongs to the organisation, and their free Slots.
 */
@Component
public class ReservedCapacity {

	public static final String EXPERT_NUMBER = "expert-number";
	public static final String BED = "bed";

	private final DaoRegistry daos;

	public ReservedCapacity(DaoRegistry daos) {
		this.daos = daos;
	}

	/** A referral asks for a bed with {@code orderDetail} green-channel-reservation#bed; otherwise an expert number. */
	public static String kindAskedFor(ServiceRequest referral) {
		boolean bed = referral.getOrderDetail().stream().anyMatch(detail -> detail.getCoding().stream().anyMatch(
				coding -> Systems.GREEN_CHANNEL_RESERVATION.equals(coding.getSystem()) && BED.equals(coding.getCode())));
		return bed ? BED : EXPERT_NUMBER;
	}

	/**
	 * The earliest free slot of this kind that has not started yet. Searched synchronously, inside the
	 * caller's transaction, never from HAPI's search cache: a cached answer could offer a slot taken a
	 * moment ago.
	 */
	public Optional<Slot> earliestFree(String organization, String kind, Date notBefore) {
		SearchParameterMap schedules = SearchParameterMap.newSynchronous()
				.add(Schedule.SP_SERVICE_TYPE, new TokenParam(Systems.GREEN_CHANNEL_RESERVATION, kind))
				.add(Schedule.SP_ACTIVE, new TokenParam("true"))
				.add(Schedule.SP_ACTOR, new ReferenceParam("Location", "organization", organization));
		List<String> scheduleIds = daos.getResourceDao(Schedule.class).search(schedules, new SystemRequestDetails())
				.getAllResources().stream()
				.map(schedule -> schedule.getIdElement().toUnqualifiedVersionless().getValue()).toList();
		if (scheduleIds.isEmpty()) {
			return Optional.empty();
		}
		ReferenceOrListParam anyOfThem = new ReferenceOrListParam();
		scheduleIds.forEach(id -> anyOfThem.addOr(new ReferenceParam(id)));
		SearchParameterMap slots = SearchParameterMap.newSynchronous()
				.add(Slot.SP_SCHEDULE, anyOfThem)
				.add(Slot.SP_STATUS, new TokenParam("free"))
				.add(Slot.SP_START, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, notBefore));
		slots.setSort(new SortSpec(Slot.SP_START));
		slots.setCount(1);
		IBundleProvider found = daos.getResourceDao(Slot.class).search(slots, new SystemRequestDetails());
		return found.getResources(0, 1).stream().map(Slot.class::cast).findFirst();
	}

	public Schedule scheduleOf(Slot slot) {
		return daos.getResourceDao(Schedule.class).read(slot.getSchedule().getReferenceElement(), new SystemRequestDetails());
	}
}
