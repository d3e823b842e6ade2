package org.sunlight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SunlightApplication {

	public static void main(String[] args) {
		SpringApplication.run(SunlightApplication.class, args);
	}

}
