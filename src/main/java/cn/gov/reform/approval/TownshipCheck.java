package cn.gov.reform.approval;

import java.util.List;

/**
 * A check one procedure's data adds to another procedure's automatic check of a submission, township by township:
 * e.g. the developed-town list warns about a developed-town plan for a town that is not on its province's list. The
 * checking procedure asks every bean of this type for each township of what was submitted and adds what they find to
 * its own findings; it does not know who answers. {@code itemType} is the submitting procedure's own kind of item (a
 * plan's type, e.g. {@code DEVELOPED_TOWN}); a check that has nothing to say about it answers an empty list.
 */
public interface TownshipCheck {

  List<Finding> findings(String itemType, String provinceCode, String townshipCode, String townshipName);
}
