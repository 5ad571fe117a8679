package io.github.recordingbot.officer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The officer's whole journey in a real headless Chromium: operator login, the (fake)
 * Webex consent page, the success page, and the status page.
 */
class BrowserAuthorizationTests extends OfficerContextTests {

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OfficerTokenSource officerTokens;

	WebDriver browser;

	@BeforeEach
	void start() {
		assumeTrue(Files.isExecutable(DRIVER), "chromium-driver is not installed");
		OfficerTestSupport.reset(this.jdbc, this.officerTokens);
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void officerAuthorizesInTheBrowserAndTheStatusPageShowsWhoAndUntilWhen() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		String operator = "http://admin:test-admin-password@localhost:" + OfficerTestSupport.PORT;

		this.browser.get(operator + "/webex/authorize");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("accept"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("title"), "The bot is authorized"));
		assertThat(this.browser.findElement(By.id("message")).getText()).contains("Olga Officer")
			.contains("olga@example.com");

		this.browser.get(operator + "/");
		wait.until(ExpectedConditions.titleIs("Webex Recording Bot"));
		String page = this.browser.findElement(By.tagName("body")).getText();
		assertThat(page).contains("Olga Officer (olga@example.com)")
			.contains("Access token expires")
			.contains("Refresh token expires");
	}

}
