package org.onesheet.config;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binary.interceptor.BinaryStorageInterceptor;
import ca.uhn.fhir.jpa.binary.provider.BinaryAccessProvider;
import ca.uhn.fhir.jpa.binstore.FilesystemBinaryStorageSvcImpl;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's binary storage: study files (ECG PDFs, fundus photos, DR images of up to 50 MB) in {@code Binary} and
 * in attachments ({@code Media.content}, {@code DocumentReference.content}) are kept as files under
 * {@code onesheet.binary-storage-dir}, not as blobs in the database, whose tables and backups they would
 * swell. The resource keeps a reference to its file; reads put the data back in, and
 * {@code $binary-access-read} streams it.
 */
@Configuration
public class BinaryStorageConfig {

	/** Small attachments (a thumbnail, a short note) stay inline; anything larger goes to a file. */
	static final int INLINE_UP_TO_BYTES = 64 * 1024;

	@Bean
	public IBinaryStorageSvc binaryStorageSvc(OneSheetProperties properties) {
		FilesystemBinaryStorageSvcImpl files = new FilesystemBinaryStorageSvcImpl(properties.binaryStorageDir());
		files.setMinimumBinarySize(INLINE_UP_TO_BYTES);
		files.setMaximumBinarySize(properties.maxBinarySize().toBytes());
		return files;
	}

	@Bean
	public FhirServerPlugin binaryStorage(OneSheetProperties properties, IInterceptorService storageInterceptors,
			@Qualifier("myBinaryStorageInterceptor") BinaryStorageInterceptor<?> interceptor,
			@Qualifier("myAttachmentBinaryAccessProvider") BinaryAccessProvider access) {
		interceptor.setAllowAutoInflateBinaries(true);
		// A plain GET Binary/<id> returns the whole file (up to the upload limit); $binary-access-read streams
		// it without holding it in memory, which is the better way for the largest images.
		interceptor.setAutoInflateBinariesMaximumSize(properties.maxBinarySize().toBytes());
		storageInterceptors.registerInterceptor(interceptor);
		return (RestfulServer server) -> server.registerProvider(access);
	}
}
