package cn.gov.reform.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.gov.reform.web.ApiException;
import cn.gov.reform.web.ApiProblem;
import cn.gov.reform.web.ProblemResponses;
import cn.gov.reform.web.PublicApi;

/** The published catalogues as JSON, without login ({@link PublicApi}); the same as the page {@code /public/catalogues}. */
@RestController
@Tag(name = "公开查询", description = "已公布的乡镇放权赋权目录，无需登录")
class PublicCatalogueController {

  private final PublicCatalogues catalogues;

  PublicCatalogueController(PublicCatalogues catalogues) {
    this.catalogues = catalogues;
  }

  @Operation(operationId = "publicCatalogues", summary = "查询公布的目录（无需登录）", description = "各乡镇（街道）现行的放权赋权目录："
      + "按乡镇代码、地区（省、市、县、乡镇代码或名称的一部分）和事项名称查询，按乡镇代码排列。只含已按批复文号公布的版本；"
      + "起草和审批中的目录、校验结果、审批意见等一概不公开。")
  @ApiResponse(responseCode = "200", description = "一页现行目录")
  @ApiResponse(responseCode = "400", description = "查询条件有误：乡镇代码不是9位数字，地区或事项超过50个字符或含尖括号，页码或每页条数超出范围",
      content = @Content(mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @GetMapping(PublicApi.PREFIX + "catalogues")
  PublicCatalogues.PublicPage list(
      @Parameter(description = "乡镇（街道）9位代码", example = "370921109") @RequestParam(required = false) String township,
      @Parameter(description = "地区：省、市、县（6位）或乡镇（9位）代码，或地区名称的一部分，如“宁阳县”", example = "宁阳县")
      @RequestParam(required = false) String region,
      @Parameter(description = "事项名称的一部分，如“户外广告”", example = "户外广告") @RequestParam(required = false) String item,
      @Parameter(description = "页码，从0开始（0—100000）") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "每页条数（1—" + PublicCatalogues.MAX_PAGE_SIZE + "）") @RequestParam(defaultValue = "20") int size) {
    return catalogues.page(township, region, item, page, size);
  }

  @Operation(operationId = "publicCatalogueEditions", summary = "查询一个乡镇公布过的各版目录（无需登录）", description = "现行版本在前，"
      + "其后是被调整取代的各版，每版含批复文号、公布时间和全部事项。")
  @ApiResponse(responseCode = "200", description = "各版目录")
  @ApiResponse(responseCode = "400", description = "乡镇代码不是9位数字", content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
      schema = @Schema(implementation = ApiProblem.class)))
  @ApiResponse(responseCode = "404", description = "该乡镇（街道）尚无公布的目录", content = @Content(
      mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(implementation = ApiProblem.class)))
  @GetMapping(PublicApi.PREFIX + "catalogues/{townshipCode}/editions")
  PublicCatalogues.PublicHistory editions(
      @Parameter(description = "乡镇（街道）9位代码", example = "370921109") @PathVariable String townshipCode) {
    return catalogues.history(townshipCode).orElseThrow(() -> ApiException.notFound("目录不存在",
        "乡镇（街道）" + townshipCode + " 尚无公布的放权赋权目录"));
  }
}
