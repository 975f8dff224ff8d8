package com.chainatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ChainAtlas (产业链图谱): industrial-chain maps, diagnosis and targeting for investment-attraction teams. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChainAtlasApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChainAtlasApplication.class, args);
    }
}
