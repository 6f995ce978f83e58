package eu.netmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** netmap: maps who works with whom in European social-inclusion and employment cooperation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NetmapApplication {

  public static void main(String[] args) {
    SpringApplication.run(NetmapApplication.class, args);
  }
}
