package org.onesheet.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.npm.NpmPackage.NpmPackageFolder;
import org.springframework.stereotype.Component;

/**
 * The OneSheet IG as the build packed it (ig/build.sh puts it in the jar at {@value #CLASSPATH_LOCATION}):
 * the FHIR NPM package {@code onesheet.fhir.ig} with every profile, code system, value set and naming system.
 * Nothing is fetched from outside: a hospital's network cannot reach package servers.
 */
@Component
public class ImplementationGuidePackage {

	static final String CLASSPATH_LOCATION = "/ig/onesheet.fhir.ig.tgz";

	private final byte[] bytes;
	private final NpmPackage npm;

	public ImplementationGuidePackage() {
		try (InputStream in = getClass().getResourceAsStream(CLASSPATH_LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("The IG package " + CLASSPATH_LOCATION
						+ " is not on the classpath: build with Maven, which runs ig/build.sh");
			}
			bytes = in.readAllBytes();
			npm = NpmPackage.fromPackage(new ByteArrayInputStream(bytes));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String name() {
		return npm.name();
	}

	public String version() {
		return npm.version();
	}

	/** The package as read, for whoever lists or loads its files (the tests read its examples). */
	public NpmPackage npm() {
		return npm;
	}

	byte[] bytes() {
		return bytes.clone();
	}

	/** A digest of every file in the package, to tell whether a stored copy of the same version differs. */
	public static String contentDigest(NpmPackage npm) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String folderName : new TreeSet<>(npm.getFolders().keySet())) {
				NpmPackageFolder folder = npm.getFolders().get(folderName);
				for (String file : new TreeSet<>(folder.listFiles())) {
					digest.update((folderName + "/" + file).getBytes(StandardCharsets.UTF_8));
					digest.update(folder.fetchFile(file));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	String contentDigest() {
		return contentDigest(npm);
	}
}
