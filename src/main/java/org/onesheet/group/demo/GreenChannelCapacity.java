package org.onesheet.group.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.onesheet.identity.Systems;
import org.onesheet.system.ChinaTime;

/**
 * What the county hospital reserves for referred patients over the next two weeks (绿色通道): two expert
 * numbers each weekday morning per specialty and at the stroke centre, and reserved beds in cardiology,
 * neurology and the stroke unit, each bed a Location with its own Schedule of bed-day Slots. The loader
 * tops it up at every start, so a demo database keeps two weeks of reserved capacity ahead.
 */
final class GreenChannelCapacity {

	static final int DAYS = 14;
	private static final LocalTime[] EXPERT_TIMES = {LocalTime.of(9, 0), LocalTime.of(10, 0)};
	private static final int EXPERT_MINUTES = 30;
	private static final LocalTime BED_DAY_STARTS = LocalTime.of(8, 0);

	private final DemoGroup group;
	private final LocalDate asOf;
	private final List<Resource> resources = new ArrayList<>();

	GreenChannelCapacity(DemoGroup group, LocalDate asOf) {
		this.group = group;
		this.asOf = asOf;
	}

	List<Resource> resources() {
		resources.clear();
		List<String> countyRoles = group.rolesAt(DemoGroup.COUNTY_HOSPITAL_ID);
		for (int i = 0; i < DemoGroup.COUNTY_SPECIALTIES.size(); i++) {
			expertNumbers(DemoGroup.COUNTY_HOSPITAL_ID, DemoGroup.COUNTY_SPECIALTIES.get(i), countyRoles.get(i), "opd-" + (i + 1));
		}
		expertNumbers(DemoGroup.STROKE_CENTRE_ID, "神经内科 · 卒中",
				group.rolesAt(DemoGroup.STROKE_CENTRE_ID).get(0), "opd-stroke");
		beds(DemoGroup.COUNTY_HOSPITAL_ID, "心血管内科病区", "cardio", 2);
		beds(DemoGroup.COUNTY_HOSPITAL_ID, "神经内科病区", "neuro", 2);
		beds(DemoGroup.STROKE_CENTRE_ID, "卒中单元", "stroke", 2);
		return resources;
	}

	private void expertNumbers(String siteId, String specialty, String roleId, String key) {
		Location room = location(DemoGroup.ID_PREFIX + "loc-" + key, "吉木萨尔县总医院门诊楼 " + specialty + "专家诊室",
				"ro", "Room", siteId);
		Schedule schedule = schedule(DemoGroup.ID_PREFIX + "sch-" + key, "expert-number", "预留专家号", specialty,
				"每个工作日上午预留" + EXPERT_TIMES.length + "个专家号给医共体转诊患者。");
		schedule.addActor(new Reference("PractitionerRole/" + roleId));
		schedule.addActor(reference(room));
		resources.add(room);
		resources.add(schedule);
		for (int day = 1; day <= DAYS; day++) {
			LocalDate date = asOf.plusDays(day);
			if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
				continue;
			}
			for (LocalTime time : EXPERT_TIMES) {
				resources.add(slot(schedule, date.atTime(time), EXPERT_MINUTES));
			}
		}
	}

	private void beds(String siteId, String wardName, String key, int count) {
		Location ward = location(DemoGroup.ID_PREFIX + "loc-ward-" + key, "吉木萨尔县总医院住院部 " + wardName, "wa", "Ward", siteId);
		resources.add(ward);
		for (int bed = 1; bed <= count; bed++) {
			Location place = location(ward.getIdElement().getIdPart() + "-bed-" + bed,
					wardName + " 绿色通道预留 " + (40 + bed) + " 床", "bd", "Bed", siteId);
			place.setPartOf(reference(ward));
			Schedule schedule = schedule(DemoGroup.ID_PREFIX + "sch-bed-" + key + "-" + bed, "bed", "预留床位", wardName,
					"该床位预留给医共体绿色通道转诊患者，按日预约。");
			schedule.addActor(reference(place));
			resources.add(place);
			resources.add(schedule);
			for (int day = 1; day <= DAYS; day++) {
				resources.add(slot(schedule, asOf.plusDays(day).atTime(BED_DAY_STARTS), 24 * 60));
			}
		}
	}

	private static Location location(String id, String name, String physicalType, String display, String siteId) {
		Location location = new Location();
		location.setId(id);
		location.setStatus(Location.LocationStatus.ACTIVE);
		location.setName(name);
		location.setPhysicalType(new CodeableConcept(new Coding(Systems.LOCATION_PHYSICAL_TYPE, physicalType, display)));
		location.setManagingOrganization(new Reference("Organization/" + siteId));
		return location;
	}

	private Schedule schedule(String id, String kind, String kindName, String specialty, String comment) {
		Schedule schedule = new Schedule();
		schedule.setId(id);
		schedule.getMeta().addProfile(Systems.PROFILE_GREEN_CHANNEL_SCHEDULE);
		schedule.setActive(true);
		schedule.addServiceType(new CodeableConcept(new Coding(Systems.GREEN_CHANNEL_RESERVATION, kind, kindName)));
		schedule.addSpecialty().setText(specialty);
		schedule.setPlanningHorizon(new Period().setStart(date(asOf.plusDays(1).atStartOfDay()))
				.setEnd(date(asOf.plusDays(DAYS + 1).atStartOfDay())));
		schedule.setComment(comment);
		return schedule;
	}

	/** A slot's id names its schedule and start, so that tomorrow's top-up finds today's slots by id. */
	private static Slot slot(Schedule schedule, java.time.LocalDateTime start, int minutes) {
		Slot slot = new Slot();
		slot.setId(schedule.getIdElement().getIdPart().replace("-sch-", "-slot-") + "-"
				+ start.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")));
		slot.setSchedule(reference(schedule));
		slot.setServiceType(schedule.getServiceType());
		slot.setStatus(Slot.SlotStatus.FREE);
		slot.setStart(date(start));
		slot.setEnd(date(start.plusMinutes(minutes)));
		return slot;
	}

	private static Reference reference(Resource resource) {
		return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
	}

	private static Date date(java.time.LocalDateTime time) {
		return Date.from(time.atZone(ChinaTime.ZONE).toInstant());
	}
}
