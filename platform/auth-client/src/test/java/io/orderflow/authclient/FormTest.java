package io.orderflow.authclient;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormTest {

	@Test
	void encodesNamesAndValuesInOrderAsUtf8() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("scope", "orders:admin ops");
		form.put("redirect_uri", "http://127.0.0.1:8084/authorized?a=1&b");
		form.put("password", "pä$$+/=");
		assertThat(Form.encode(form)).isEqualTo(
				"scope=orders%3Aadmin+ops" + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8084%2Fauthorized%3Fa%3D1%26b"
						+ "&password=p%C3%A4%24%24%2B%2F%3D");
	}

	@Test
	void decodesWhatItEncodes() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", "a+b/c=");
		form.put("state", "x y");
		assertThat(Form.decode(Form.encode(form))).containsExactlyEntriesOf(form);
	}

	@Test
	void decodesARedirectsQueryKeepingTheFirstOfARepeatedName() {
		assertThat(Form.decode("code=abc%2Fd&state=s1&state=s2&flag&")).containsExactly(Map.entry("code", "abc/d"),
				Map.entry("state", "s1"), Map.entry("flag", ""));
	}

}
