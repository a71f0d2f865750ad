def test_home_page_answers_in_german(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="de">' in response.get_data(as_text=True)
