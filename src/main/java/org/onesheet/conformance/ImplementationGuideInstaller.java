package org.onesheet.conformance;

import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.JpaPackageCache;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs the IG into the database at start-up with HAPI's package installer, so that its profiles, code
 * systems, value sets and naming systems are served ({@code GET /fhir/StructureDefinition?url=...}) and the
 * validator finds them, then retires the core search parameters the group does not use ({@link UnusedSearchParameters}).
 * Runs before anything else writes (the demo data is validated against the IG and indexed without them).
 *
 * <p>A package already installed with the same content is left alone, so restarts cost nothing; one of the
 * same version with other content (an IG changed during development) is replaced. On PostgreSQL this runs
 * under the start-up schema lock, so two nodes starting together install it once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ImplementationGuideInstaller implements ApplicationRunner {

	/**
	 * Definitions a client calls by id ({@code Measure/<id>/$evaluate-measure}): HAPI's installer would store them
	 * under ids of its own, so they are written at the IG's ids instead, at every start (unchanged ones make no
	 * new version).
	 */
	static final List<String> SERVED_AT_THEIR_IDS = List.of("Measure-", "OperationDefinition-");

	private static final Logger log = LoggerFactory.getLogger(ImplementationGuideInstaller.class);

	private final ImplementationGuidePackage ig;
	private final IPackageInstallerSvc installer;
	private final IHapiPackageCacheManager packages;

	private final DaoRegistry daos;
	private final UnusedSearchParameters unusedSearchParameters;

	public ImplementationGuideInstaller(ImplementationGuidePackage ig, IPackageInstallerSvc installer,
			IHapiPackageCacheManager packages, DaoRegistry daos, UnusedSearchParameters unusedSearchParameters) {
		this.ig = ig;
		this.unusedSearchParameters = unusedSearchParameters;
		this.installer = installer;
		this.packages = packages;
		this.daos = daos;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		installPackage();
		writeAtTheirIds();
		unusedSearchParameters.retire();
	}

	private void writeAtTheirIds() throws IOException {
		NpmPackage npm = ig.npm();
		IParser parser = daos.getSystemDao().getContext().newJsonParser();
		for (String file : npm.list("package")) {
			if (SERVED_AT_THEIR_IDS.stream().noneMatch(file::startsWith)) {
				continue;
			}
			try (InputStream json = npm.load("package", file)) {
				IBaseResource definition = parser.parseResource(json);
				daos.getResourceDao(definition.getClass().getSimpleName()).update(definition, new SystemRequestDetails());
			}
		}
	}

	private void installPackage() throws Exception {
		NpmPackage installed = ((JpaPackageCache) packages).loadPackageFromCacheOnly(ig.name(), ig.version());
		if (installed != null) {
			if (ImplementationGuidePackage.contentDigest(installed).equals(ig.contentDigest())) {
				log.info("IG {}#{} is installed", ig.name(), ig.version());
				return;
			}
			log.info("IG {}#{} changed since it was installed: replacing it", ig.name(), ig.version());
			packages.uninstallPackage(ig.name(), ig.version());
		}
		long start = System.nanoTime();
		PackageInstallationSpec spec = new PackageInstallationSpec()
				.setName(ig.name())
				.setVersion(ig.version())
				.setPackageContents(ig.bytes())
				.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
				.setFetchDependencies(false);
		installer.install(spec);
		log.info("IG {}#{} installed in {} ms", ig.name(), ig.version(), (System.nanoTime() - start) / 1_000_000);
	}
}
