package dev.watchword.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;

/**
 * The master key file: a Tink AES-256-GCM keyset in JSON, readable by its owner only.
 *
 * <p>Guarantees: a new file is written atomically with mode 0600 and never overwrites an
 * existing one; a file that group or others may read is refused, as ssh refuses a private
 * key with loose permissions.
 */
final class MasterKeyFile {

  static final String FILE_NAME = "master.key";

  private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final Path file;

  MasterKeyFile(Path file) {
    this.file = file;
  }

  boolean exists() {
    return Files.exists(file);
  }

  Path path() {
    return file;
  }

  Aead load() {
    byte[] bytes = read();
    try {
      return parse(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The file's bytes, once its permissions passed; the caller zeroes them. */
  byte[] read() {
    refuseLoosePermissions();
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MasterKeyException("Cannot read the master key file " + file + ": " + e.getMessage());
    }
  }

  /** The AEAD of a keyset file's bytes, as {@link #read()} returned them. */
  Aead parse(byte[] bytes) {
    try {
      KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(new String(bytes, StandardCharsets.UTF_8),
          InsecureSecretKeyAccess.get());
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new MasterKeyException("The master key file " + file + " is not a valid Tink AEAD keyset");
    }
  }

  Aead create() {
    try {
      KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
      writeOwnerOnly(json);
      return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new MasterKeyException("Cannot generate a master key: " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new MasterKeyException("Cannot write the master key file " + file + ": " + e.getMessage());
    }
  }

  private void writeOwnerOnly(String json) throws IOException {
    Path temporary = posix()
        ? Files.createTempFile(file.getParent(), ".master", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(file.getParent(), ".master", ".tmp");
    try {
      Files.writeString(temporary, json, StandardCharsets.UTF_8);
      // A hard link appears atomically with its full content and, unlike a rename, fails
      // rather than replace a key that another process wrote first.
      Files.createLink(file, temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void refuseLoosePermissions() {
    if (!posix()) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
        throw new MasterKeyException("The master key file " + file + " is accessible to other users (mode "
            + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
      }
    } catch (IOException e) {
      throw new MasterKeyException("Cannot read the permissions of " + file + ": " + e.getMessage());
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
