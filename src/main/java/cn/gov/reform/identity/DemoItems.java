package cn.gov.reform.identity;

/**
 * A procedure's demo items (sample plans, catalogues, secondments …), created as the demo users on the first start
 * of an empty database. {@link DemoUsers} creates the users first, then every procedure's items side by side, each
 * on its own thread (the procedures share no items), and the app reports ready only when all are in.
 */
public interface DemoItems {

  /** Creates the items; runs once, on the first start, after the demo users exist. */
  void create();
}
