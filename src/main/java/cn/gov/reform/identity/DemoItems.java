package cn.gov.reform.identity;

/**
 * A procedure's demo items (sample plans, catalogues, secondments …), created as the demo users on the first start
 * of an empty database. {@link DemoUsers} creates the users first, then every procedure's items side by side, each
 * on its own thread (the procedures share no items), and the app reports ready only when all are in.
 */
public interface DemoItems {

  /** Creates the items; runs once, on the first start, after the demo users exist. */
  void create();

  /**
   * Items of a later stage are created after every item of the earlier stages is in (e.g. assessment items name the
   * duties the duty-access demo data approved); within a stage, side by side. 0 by default.
   */
  default int stage() {
    return 0;
  }
}
