package cn.gov.reform.catalogue;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.gov.reform.catalogue.CatalogueRequest.Item;
import cn.gov.reform.catalogue.CatalogueRequest.LegalBasis;
import cn.gov.reform.catalogue.CatalogueRequest.Mode;
import cn.gov.reform.catalogue.CatalogueRequest.PowerKind;
import cn.gov.reform.catalogue.CatalogueRequest.TownshipType;
import cn.gov.reform.identity.DemoItems;
import cn.gov.reform.identity.DemoUsers;
import cn.gov.reform.identity.Jurisdiction;

/**
 * Sample catalogues from the seed documents, created as the demo users on the first start of an empty database
 * (default and postgres profiles): 磁窑镇's, with county licensing powers concentrated in the town and powers entrusted
 * to it (宁政发〔2019〕6号 二(一)2), waiting for the provincial government; 平襄镇's (通渭县), published and on the public
 * page; 马营镇's, still at the legal review after Gansu's deadline (通办发〔2020〕6号 二(四)8), overdue on the dashboard.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class CatalogueDemoData implements DemoItems {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogueDemoData.class);
  private static final String SHANDONG_GUIDE = "山东省向经济发达镇放权指导目录";
  private static final String GANSU_GUIDE = "甘肃省赋予乡镇和街道部分县级经济社会管理权限指导目录";

  private final DemoUsers users;
  private final CatalogueService catalogues;

  CatalogueDemoData(DemoUsers users, CatalogueService catalogues) {
    this.users = users;
    this.catalogues = catalogues;
  }

  @Override
  public void create() {
    String ciyao = start("ningyang", new CatalogueRequest("宁阳县向磁窑镇赋权事项目录", "370921109", TownshipType.DEVELOPED_TOWN, List.of(
        item("城市大型户外广告设置审核", PowerKind.LICENSING, Mode.CONCENTRATED, "宁阳县综合行政执法局", "城市市容和环境卫生管理条例", "第十一条", SHANDONG_GUIDE),
        item("占用、挖掘城市道路审批", PowerKind.LICENSING, Mode.CONCENTRATED, "宁阳县住房和城乡建设局", "城市道路管理条例", "第三十条", SHANDONG_GUIDE),
        item("乡村建设规划许可", PowerKind.LICENSING, Mode.CONCENTRATED, "宁阳县自然资源和规划局", "中华人民共和国城乡规划法", "第四十一条", SHANDONG_GUIDE),
        item("公共场所卫生许可", PowerKind.LICENSING, Mode.CONCENTRATED, "宁阳县卫生健康局", "公共场所卫生管理条例", "第八条", SHANDONG_GUIDE),
        item("户外广告设施设置的监督检查", PowerKind.INSPECTION, Mode.ENTRUSTED, "宁阳县综合行政执法局", "城市市容和环境卫生管理条例", "第十一条",
            SHANDONG_GUIDE),
        item("城市道路占用、挖掘的监督检查", PowerKind.INSPECTION, Mode.ENTRUSTED, "宁阳县住房和城乡建设局", "城市道路管理条例", "第三十条",
            SHANDONG_GUIDE)), List.of()));
    users.complete("ningyanglegal", ciyao, CatalogueKeys.LEGAL_REVIEW, Map.of("decision", "APPROVE",
        "opinion", "各事项法律依据明确；相对集中行使的行政许可事项须报省政府批准（行政许可法 第二十五条）。"));
    users.complete("taianapprover", ciyao, CatalogueKeys.CITY_APPROVAL, Map.of("decision", "APPROVE",
        "opinion", "经市政府研究，同意按《山东省向经济发达镇放权指导目录》向磁窑镇放权，报省政府批准。"));

    String pingxiang = start("tongwei", new CatalogueRequest("通渭县赋予平襄镇部分县级经济社会管理权限目录", "621121100",
        TownshipType.TOWNSHIP, List.of(
            item("乡村建设规划许可", PowerKind.LICENSING, Mode.ASSIGNED, "通渭县自然资源局", "中华人民共和国城乡规划法", "第四十一条", GANSU_GUIDE),
            item("公共场所卫生许可", PowerKind.LICENSING, Mode.ENTRUSTED, "通渭县卫生健康局", "公共场所卫生管理条例", "第八条", GANSU_GUIDE),
            item("户外广告设施设置的监督检查", PowerKind.INSPECTION, Mode.ASSIGNED, "通渭县住房和城乡建设局", "城市市容和环境卫生管理条例",
                "第十一条", GANSU_GUIDE)), List.of()));
    users.complete("tongweilegal", pingxiang, CatalogueKeys.LEGAL_REVIEW, Map.of("decision", "APPROVE", "opinion", "经审查，合法。"));
    users.complete("tongweigov", pingxiang, CatalogueKeys.COUNTY_APPROVAL, Map.of("decision", "APPROVE",
        "opinion", "经县政府常务会议研究，同意。"));

    start("tongwei", new CatalogueRequest("通渭县赋予马营镇部分县级经济社会管理权限目录", "621121101", TownshipType.TOWNSHIP, List.of(
        item("乡村建设规划许可", PowerKind.LICENSING, Mode.ASSIGNED, "通渭县自然资源局", "中华人民共和国城乡规划法", "第四十一条", GANSU_GUIDE)),
        List.of()));
    LOG.info("Demo data: 3 power catalogues; 磁窑镇's waits at provinceApproval, 平襄镇's is published");
  }

  /** Created as the county's drafter and checked: the catalogue's process instance. */
  private String start(String drafter, CatalogueRequest request) {
    Jurisdiction who = Jurisdiction.of(drafter, users.groupsOf(drafter));
    String pi = users.as(drafter, () -> catalogues.create(request, null, who).catalogue().processInstanceId());
    users.runPendingJob(pi);
    return pi;
  }

  private static Item item(String name, PowerKind kind, Mode mode, String department, String law, String article, String guide) {
    return new Item(name, kind, mode, department, new LegalBasis(law, article), guide, null);
  }
}
