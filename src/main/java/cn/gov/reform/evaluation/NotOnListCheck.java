package cn.gov.reform.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gov.reform.approval.Finding;
import cn.gov.reform.approval.TownshipCheck;
import cn.gov.reform.identity.RegionDirectory;

/**
 * A developed-town plan (item type {@value #DEVELOPED_TOWN}) for a town that is not on its province's list gets a
 * WARNING naming the list: the reform is for the towns the province listed (吉林省实施意见 一(三); 鲁厅字〔2018〕33号 六(二)),
 * a town enters by the provincial government's recognition. A warning, not an error: the list may be about to change.
 */
@Component
class NotOnListCheck implements TownshipCheck {

  static final String RULE = "DT-NOT-ON-LIST";
  static final String DEVELOPED_TOWN = "DEVELOPED_TOWN";

  private final DevelopedTowns towns;
  private final RegionDirectory regions;

  NotOnListCheck(DevelopedTowns towns, RegionDirectory regions) {
    this.towns = towns;
    this.regions = regions;
  }

  @Override
  public List<Finding> findings(String itemType, String provinceCode, String townshipCode, String townshipName) {
    if (!DEVELOPED_TOWN.equals(itemType) || towns.onList(townshipCode).filter(t -> t.provinceCode().equals(provinceCode)).isPresent()) {
      return List.of();
    }
    List<ListedTown> list = towns.current(provinceCode);
    String province = regions.province(provinceCode).map(RegionDirectory.Region::name).orElse(provinceCode);
    String names = list.isEmpty() ? "名单中尚无镇" : "名单中现有" + list.size() + "个镇："
        + String.join("、", list.stream().map(ListedTown::townshipName).toList());
    String basis = list.isEmpty() ? "经济发达镇名单" : "经济发达镇名单（" + String.join("；", list.stream().map(ListedTown::entryBasis)
        .distinct().toList()) + "）";
    return List.of(new Finding(RULE, Finding.Severity.WARNING, townshipCode, townshipName + "：不在" + province
        + "经济发达镇名单中（" + names + "），经济发达镇改革方案应为名单中的镇；列入名单须经省政府认定", basis, townshipCode, province + "经济发达镇名单"));
  }
}
