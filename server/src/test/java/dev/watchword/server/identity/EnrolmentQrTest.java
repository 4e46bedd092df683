package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.otp.imports.ImportFile;
import dev.watchword.otp.imports.ImportLimits;
import dev.watchword.otp.imports.ImportResult;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EnrolmentQrTest {

  @Test
  void dataUriWhenDecodedByAQrReaderThenGivesBackTheEnrolmentUri() {
    String uri = "otpauth://totp/Watchword:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Watchword"
        + "&algorithm=SHA1&digits=6&period=30";

    String dataUri = EnrolmentQr.dataUri(uri);

    assertThat(dataUri).startsWith("data:image/png;base64,");
    byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
    ImportResult read = ImportFile.read(png, "enrolment.png", null, ImportLimits.defaults());
    assertThat(read.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.account()).isEqualTo("alice");
      assertThat(entry.issuer()).isEqualTo("Watchword");
      assertThat(entry.secret().toBase32()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    });
  }
}
