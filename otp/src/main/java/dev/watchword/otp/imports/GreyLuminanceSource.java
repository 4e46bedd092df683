package dev.watchword.otp.imports;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/**
 * A decoded image as ZXing luminance, one byte per pixel (so a 40-megapixel photo costs 40 MB here, not the
 * 160 MB of an int ARGB copy). Transparent pixels count as white, as QR codes on transparent PNGs are meant.
 */
final class GreyLuminanceSource extends LuminanceSource {

  private final byte[] luminance;

  GreyLuminanceSource(BufferedImage image) {
    super(image.getWidth(), image.getHeight());
    int width = image.getWidth();
    int height = image.getHeight();
    luminance = new byte[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int argb = row[x];
        int alpha = argb >>> 24;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        // ITU-R BT.601 weights in integers, then blended over white by alpha.
        int grey = (306 * r + 601 * g + 117 * b) >> 10;
        luminance[y * width + x] = (byte) ((grey * alpha + 255 * (255 - alpha)) / 255);
      }
    }
  }

  private GreyLuminanceSource(byte[] luminance, int width, int height) {
    super(width, height);
    this.luminance = luminance;
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    byte[] target = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
    System.arraycopy(luminance, y * getWidth(), target, 0, getWidth());
    return target;
  }

  @Override
  public byte[] getMatrix() {
    return luminance;
  }

  @Override
  public LuminanceSource invert() {
    byte[] inverted = new byte[luminance.length];
    for (int i = 0; i < luminance.length; i++) {
      inverted[i] = (byte) (255 - (luminance[i] & 0xff));
    }
    return new GreyLuminanceSource(inverted, getWidth(), getHeight());
  }
}
