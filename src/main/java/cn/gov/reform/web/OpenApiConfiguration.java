package cn.gov.reform.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import com.fasterxml.jackson.databind.node.NumericNode;

/**
 * The description of {@code /api} at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). Both are open
 * without login: they describe the contract, hold no data, and every call they describe still needs HTTP Basic but the
 * public ones ({@link PublicApi}).
 */
@Configuration
class OpenApiConfiguration {

  static final String BASIC = "basic";

  @Bean
  OpenAPI reformApi() {
    return new OpenAPI()
        .info(new Info().title("乡镇行政管理体制改革方案审批 API").version("1")
            .description("县级起草、市级审核审批、省级批准或备案的乡镇改革方案：创建方案并启动审批、查询方案及其审批进程、"
                + "修改退回的方案、按政策限额校验方案、查询和导入工作日安排；放权赋权目录的起草、查询和修订。除 /api/public/ 下公开的已公布目录外，"
                + "全部接口使用 HTTP Basic 认证（与 engine REST 相同的"
                + "Camunda 用户），错误均以 application/problem+json（RFC 9457）返回。"))
        .servers(List.of(new Server().url("/").description("本系统")))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("basic").description("Camunda 用户名和密码，例如县级起草人员 ningyang")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /**
   * The answers any operation may give: a refused login (see BasicLogin) but on the public part of {@code /api}
   * ({@link PublicApi}), an oversized body, an unexpected failure.
   */
  @Bean
  OpenApiCustomizer commonProblems() {
    return api -> api.getPaths().forEach((name, path) -> path.readOperations().forEach(op -> {
      if (PublicApi.covers(name)) {
        op.setSecurity(List.of()); // published to everybody: no login, no 401
      } else {
        op.getResponses().putIfAbsent("401", problem("登录被拒绝（HTTP Basic），detail 说明原因："
            + "未登录（未提供用户名和密码）、用户名或密码不正确、登录失败次数过多暂被锁定（附重试时间和 Retry-After）或账户已锁定"));
      }
      if (op.getRequestBody() != null) {
        op.getResponses().putIfAbsent("413", problem("请求体超过1MB"));
      }
      op.getResponses().putIfAbsent("500", problem("服务器内部错误（不含技术细节；请稍后重试或联系管理员）"));
    }));
  }

  /** Region codes are text ("370921"), but swagger reads an all-digit example as a number: give it back as text. */
  @Bean
  OpenApiCustomizer textExamples() {
    return api -> {
      api.getComponents().getSchemas().values().forEach(schema -> {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
          properties.values().forEach(OpenApiConfiguration::textExample);
        }
      });
      api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
        if (op.getParameters() != null) {
          op.getParameters().forEach(p -> {
            if (isNumber(p.getExample()) && isText(p.getSchema())) {
              p.setExample(text(p.getExample()));
            }
          });
        }
      }));
    };
  }

  private static void textExample(Schema<?> property) {
    if (isNumber(property.getExample()) && isText(property)) {
      property.setExample(text(property.getExample()));
    }
  }

  private static boolean isNumber(Object example) {
    return example instanceof Number || example instanceof NumericNode;
  }

  private static String text(Object example) {
    return example instanceof NumericNode n ? n.asText() : example.toString();
  }

  private static boolean isText(Schema<?> schema) {
    return schema != null && ("string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string")));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }
}
