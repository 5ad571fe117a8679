package io.github.recordingbot.sim;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.support.DemoTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo page in a real browser (Debian's chromium and chromium-driver, headless): a
 * rec request shows the card with Video, Audio and Transcript links that are the
 * simulator's, the help form can be submitted, an outsider is refused. It also takes the
 * screenshots (in {@code target/screenshots}, or with {@code -Dscreenshots.dir=images}
 * the ones the README shows).
 */
class DemoBrowserTests extends DemoContext {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static WebDriver browser;

	@Autowired
	SampleOrg org;

	@BeforeAll
	static void startBrowser() {
		assumeTrue(Files.isExecutable(CHROMEDRIVER),
				"chromium-driver is not installed (apt-get install chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void recShowsTheCardWithTheSimulatorsLinksThenTheHelpFormWorksAndAnOutsiderIsRefused() throws Exception {
		browser.get(DemoTestSupport.baseUrl() + "/demo");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.until((d) -> new Select(d.findElement(By.id("person"))).getOptions().size() > 1);
		choose("alice@example.com");

		WebElement reply = ask(wait, "rec 123 456 789");
		// The download links are markdown links on the card, not buttons (Webex allows
		// five
		// actions per card).
		wait.until((d) -> reply.findElements(By.cssSelector(".card a")).size() >= 3);
		List<String> cardLinks = reply.findElements(By.cssSelector(".card a"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(cardLinks).contains("Video", "Audio", "Transcript");
		assertThat(reply.findElements(By.cssSelector(".card button"))).isEmpty();
		assertThat(reply.getText()).doesNotContain("Could not render the card");
		List<String> hrefs = reply.findElements(By.cssSelector(".markdown a"))
			.stream()
			.map((a) -> a.getAttribute("href"))
			.toList();
		List<String> ids = this.org.series.get(0)
			.instances()
			.stream()
			.flatMap((i) -> i.recordings().stream())
			.map(Recording::id)
			.toList();
		assertThat(hrefs).isNotEmpty()
			.allSatisfy((href) -> assertThat(ids)
				.anySatisfy((id) -> assertThat(href).startsWith(DemoTestSupport.baseUrl() + "/sim/files/" + id + "/")));
		String video = reply.findElements(By.cssSelector(".card a"))
			.stream()
			.filter((a) -> a.getText().equals("Video"))
			.findFirst()
			.orElseThrow()
			.getAttribute("href");
		assertThat(video).startsWith(DemoTestSupport.baseUrl() + "/sim/files/").contains("/video/").isIn(hrefs);

		WebElement help = ask(wait, "help");
		wait.until((d) -> !help.findElements(By.cssSelector(".card input")).isEmpty());
		WebElement number = help.findElements(By.cssSelector(".card input")).get(0);
		number.sendKeys("123456789");
		screenshot("demo.png");
		int before = botMessages().size();
		help.findElements(By.cssSelector(".card button")).get(0).click();
		WebElement formReply = awaitBotMessages(wait, before + 1).get(before);
		wait.until((d) -> formReply.findElements(By.cssSelector(".card a")).size() >= 3);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(false);", reply);
		screenshot("demo.png");

		choose("pat@partner.org");
		WebElement refusal = ask(wait, "rec 987654321");
		assertThat(refusal.getText()).contains("not allowed");
		assertThat(refusal.findElements(By.cssSelector("a"))).isEmpty();

		browser.get("http://admin:" + DemoTestSupport.ADMIN_PASSWORD + "@localhost:" + DemoTestSupport.PORT + "/");
		wait.until((d) -> d.findElement(By.tagName("body")).getText().length() > 20);
		screenshot("status.png");
	}

	void choose(String email) {
		new Select(browser.findElement(By.id("person")))
			.selectByValue(this.org.personByEmail(email).orElseThrow().id());
	}

	void send(String text) {
		WebElement input = browser.findElement(By.id("text"));
		input.clear();
		input.sendKeys(text);
		browser.findElement(By.id("send")).click();
	}

	/**
	 * Sends a message and returns the bot's answer to it (earlier tests may have left a
	 * transcript).
	 */
	WebElement ask(WebDriverWait wait, String text) throws InterruptedException {
		// The page loads the person's transcript by polling; let it settle before
		// counting.
		wait.until((d) -> Boolean.TRUE
			.equals(((JavascriptExecutor) d).executeScript("return window.transcriptLoaded === true;")));
		int before = botMessages().size();
		send(text);
		return awaitBotMessages(wait, before + 1).get(before);
	}

	List<WebElement> botMessages() {
		return browser.findElements(By.cssSelector("#messages .msg.bot"));
	}

	List<WebElement> awaitBotMessages(WebDriverWait wait, int count) {
		wait.until((d) -> botMessages().size() >= count);
		return botMessages();
	}

	static void screenshot(String name) throws Exception {
		// README images are refreshed on purpose only: ./mvnw verify
		// -Dscreenshots.dir=images
		Path images = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
		Files.createDirectories(images);
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), images.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
