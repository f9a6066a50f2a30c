package cn.gov.reform.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The towns of an evaluation year drawn for the on-site check (随机抽查, 吉林省实施意见 三(三)), reproducibly: the towns in
 * code order shuffled by {@link Collections#shuffle(List, Random)} with a {@link Random} seeded by the year's recorded seed
 * (both algorithms are specified by the JDK, so the same seed draws the same towns on any JVM), the first {@code size} taken.
 */
final class Sample {

  private Sample() {}

  /** The drawn towns' codes, in code order. */
  static List<String> draw(List<String> townshipCodes, int size, long seed) {
    List<String> towns = new ArrayList<>(townshipCodes);
    Collections.sort(towns);
    Collections.shuffle(towns, new Random(seed));
    List<String> drawn = new ArrayList<>(towns.subList(0, Math.min(size, towns.size())));
    Collections.sort(drawn);
    return drawn;
  }
}
