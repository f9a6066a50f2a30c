package cn.gov.reform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import cn.gov.reform.ReformApprovalApplication;

/** Times in the API are Beijing time with their offset (2026-11-22T15:37:09.8+08:00), not UTC. */
@Configuration
class JsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer beijingTime() {
    ZoneId zone = ZoneId.of(ReformApprovalApplication.ZONE);
    return builder -> builder.serializerByType(Instant.class, new JsonSerializer<Instant>() {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(value.atZone(zone).toOffsetDateTime().toString());
      }
    });
  }
}
