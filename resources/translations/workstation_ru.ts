<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../src/workstation/views/actions.py" line="+42" />
            <source>&amp;Import leads…</source>
            <translation>&amp;Импорт лидов…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import a lead base from a CSV or XLSX file</source>
            <translation>Импортировать базу лидов из файла CSV или XLSX</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export leads…</source>
            <translation>&amp;Экспорт лидов…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export the processed base to a CSV file</source>
            <translation>Экспортировать обработанную базу в файл CSV</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Settings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP account, shared database, language</source>
            <translation>SIP-аккаунт, общая база данных, язык</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;New lead</source>
            <translation>&amp;Новый лид</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open an empty lead card</source>
            <translation>Открыть пустую карточку лида</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open lead card</source>
            <translation>&amp;Открыть карточку лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the selected lead's card</source>
            <translation>Открыть карточку выбранного лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search leads by phone or name</source>
            <translation>Искать лидов по телефону или названию</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Refresh</source>
            <translation>&amp;Обновить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the lead list again</source>
            <translation>Перечитать список лидов</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;About workstation</source>
            <translation>&amp;О программе</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/__init__.py" line="+18" />
            <source>Call &amp;scripts…</source>
            <translation>&amp;Скрипты звонков…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit the call scripts; every save is a new version</source>
            <translation>Редактировать скрипты звонков; каждое сохранение — новая версия</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/admin/__init__.py" line="+21" />
            <source>&amp;Administration…</source>
            <translation>&amp;Администрирование…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users, teams, funnels, reasons, sources, plans</source>
            <translation>Пользователи, команды, воронки, причины, источники, планы</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/review/__init__.py" line="+37" />
            <source>Call &amp;review settings…</source>
            <translation>Настройки &amp;оценки звонков…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard criteria, recording retention, access audit</source>
            <translation>Критерии оценки, срок хранения записей, журнал доступа</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/__init__.py" line="+25" />
            <source>S&amp;tatistics</source>
            <translation>С&amp;татистика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls against the plan, per manager and for the team</source>
            <translation>Звонки против плана: по менеджерам и по команде</translation>
        </message>
    </context>
    <context>
        <name>Admin</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="+35" />
            <source>Effective calls</source>
            <translation>Результативные звонки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations</source>
            <translation>Презентации</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices</source>
            <translation>Счета</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warm clients</source>
            <translation>Тёплые клиенты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Продажи</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a day</source>
            <translation>в день</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a week</source>
            <translation>в неделю</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a month</source>
            <translation>в месяц</translation>
        </message>
    </context>
    <context>
        <name>AdminDialog</name>
        <message>
            <location line="+550" />
            <source>Administration</source>
            <translation>Администрирование</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Users</source>
            <translation>Пользователи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Teams</source>
            <translation>Команды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Funnels</source>
            <translation>Воронки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refusal reasons</source>
            <translation>Причины отказа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead sources</source>
            <translation>Источники лидов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>KPI plans</source>
            <translation>Планы KPI</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective call</source>
            <translation>Результативный звонок</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../src/workstation/app.py" line="+61" />
            <source>SIP password</source>
            <translation>Пароль SIP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password of SIP account %1 (kept for this session only):</source>
            <translation>Пароль SIP-аккаунта %1 (хранится только до закрытия программы):</translation>
        </message>
    </context>
    <context>
        <name>AuditList</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+269" />
            <source>Filter by login (Enter)</source>
            <translation>Фильтр по логину (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action</source>
            <translation>Действие</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Played (s)</source>
            <translation>Прослушано (с)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recording</source>
            <translation>Запись</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Played</source>
            <translation>Прослушано</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Downloaded</source>
            <translation>Скачано</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <location filename="../../src/workstation/views/board/__init__.py" line="+66" />
            <source>Team board</source>
            <translation>Доска команды</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Occupancy</source>
            <translation>Загрузка</translation>
        </message>
    </context>
    <context>
        <name>BoardModel</name>
        <message>
            <location filename="../../src/workstation/views/board/model.py" line="+31" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location line="+1" />
            <source>With whom / reason</source>
            <translation>С кем / причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time in state</source>
            <translation>В состоянии</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls</source>
            <translation>Звонки</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Success</source>
            <translation>Успех</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Разговоры</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective / plan</source>
            <translation>Результ. / план</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupancy</source>
            <translation>Загрузка</translation>
        </message>
    </context>
    <context>
        <name>BoardView</name>
        <message>
            <location filename="../../src/workstation/views/board/widget.py" line="+129" />
            <source>Shared database unreachable: as of %1</source>
            <translation>Общая база недоступна: данные на %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Updated %1</source>
            <translation>Обновлено %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Open the lead of this call</source>
            <translation>Открыть лид этого звонка</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Listen / Whisper / Barge</source>
            <translation>Прослушать / Подсказать / Вмешаться</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call monitoring is not installed on this workstation.</source>
            <translation>Контроль звонков на этом рабочем месте не установлен.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Team board: today</source>
            <translation>Доска команды: сегодня</translation>
        </message>
    </context>
    <context>
        <name>CallCenter</name>
        <message>
            <location filename="../../src/workstation/views/callcenter/wiring.py" line="+85" />
            <source>Direct IP %1</source>
            <translation>Прямой IP %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No SIP account is set: calls come straight to this address.</source>
            <translation>SIP-аккаунт не задан: звонки приходят прямо на этот адрес.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Leads</source>
            <translation>Лиды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My day</source>
            <translation>Мой день</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Today: %1 / %2 effective calls</source>
            <translation>Сегодня: %1 / %2 результативных звонков</translation>
        </message>
    </context>
    <context>
        <name>CallContextPane</name>
        <message>
            <location filename="../../src/workstation/views/calls/context.py" line="+55" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead card</source>
            <translation>Карточка лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>Направление</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Вызов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Исход</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refusal reason</source>
            <translation>Причина отказа</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tools</source>
            <translation>Инструменты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Script path</source>
            <translation>Путь по скрипту</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No lead card for this call.</source>
            <translation>У этого звонка нет карточки лида.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Phones</source>
            <translation>Телефоны</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Объект продажи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact</source>
            <translation>Следующий контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Content</source>
            <translation>Содержание</translation>
        </message>
    </context>
    <context>
        <name>CallController</name>
        <message>
            <location filename="../../src/workstation/views/callcenter/controller.py" line="+155" />
            <source>%1 leads with this number</source>
            <translation>%1 лидов с этим номером</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not a lead</source>
            <translation>Не лид</translation>
        </message>
        <message>
            <location line="+84" />
            <source>This lead has no phone number.</source>
            <translation>У этого лида нет телефона.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+30" />
            <source>Finish the current call first.</source>
            <translation>Сначала завершите текущий звонок.</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Connected: %1</source>
            <translation>Соединено: %1</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Call with %1 ended: %2. Fill in the wrap-up.</source>
            <translation>Звонок с %1 завершён: %2. Заполните итоги звонка.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>busy: %1 is calling this lead</source>
            <translation>занято: %1 сейчас звонит этому клиенту</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Could not log the call: %1</source>
            <translation>Не удалось записать звонок в журнал: %1</translation>
        </message>
    </context>
    <context>
        <name>CallWorkspace</name>
        <message>
            <location filename="../../src/workstation/views/workspace/widget.py" line="+268" />
            <source>Incoming call %1</source>
            <translation>Входящий звонок %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outgoing call %1</source>
            <translation>Исходящий звонок %1</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Incoming call</source>
            <translation>Входящий звонок</translation>
        </message>
        <message>
            <location line="-93" />
            <source>Interest: incoming call from %1 at %2 — %3</source>
            <translation>Интерес: входящий звонок с %1 в %2 — %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+2" />
            <source>me</source>
            <translation>я</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Discard</source>
            <translation>Сбросить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop the card's edits and the wrap-up typed for this call?</source>
            <translation>Отбросить правки карточки и итоги, введённые для этого звонка?</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Enter the company or the contact's name for the new lead.</source>
            <translation>Введите компанию или имя контакта для нового лида.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Not saved: %1</source>
            <translation>Не сохранено: %1</translation>
        </message>
    </context>
    <context>
        <name>Calls</name>
        <message>
            <location filename="../../src/workstation/views/callmodel.py" line="+221" />
            <source>The softphone is not running.</source>
            <translation>Софтфон не запущен.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+182" />
            <source>Both lines are busy.</source>
            <translation>Обе линии заняты.</translation>
        </message>
        <message>
            <location line="-43" />
            <source>No voicemail is set up (Settings → SIP: voicemail).</source>
            <translation>Голосовая почта не настроена (Настройки → SIP: голосовая почта).</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Answer a call first.</source>
            <translation>Сначала ответьте на звонок.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No consultation call to transfer to.</source>
            <translation>Нет консультационного звонка для перевода.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wait until the consulted party answers.</source>
            <translation>Дождитесь ответа абонента консультации.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No consultation call to return from.</source>
            <translation>Нет консультационного звонка, с которого можно вернуться.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>A conference needs two answered calls.</source>
            <translation>Для конференции нужны два принятых звонка.</translation>
        </message>
    </context>
    <context>
        <name>CallsBrowser</name>
        <message>
            <location filename="../../src/workstation/views/calls/__init__.py" line="+73" />
            <location line="+4" />
            <source>Calls</source>
            <translation>Звонки</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/calls/browser.py" line="+146" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>Направление</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Исход</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Talk from, min</source>
            <translation>Разговор от, мин</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to, min</source>
            <translation>до, мин</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Recording</source>
            <translation>Запись</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Score from</source>
            <translation>Оценка от</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search</source>
            <translation>Поиск</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the calls again (from the shared database when it can be reached)</source>
            <translation>Прочитать звонки заново (из общей базы, если она доступна)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear filters</source>
            <translation>Сбросить фильтры</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not yet reviewed</source>
            <translation>Ещё не проверены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number or company</source>
            <translation>Номер или компания</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Any</source>
            <translation>Любой</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No type</source>
            <translation>Без типа</translation>
        </message>
        <message>
            <location line="+2" />
            <source>With recording</source>
            <translation>С записью</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Without</source>
            <translation>Без записи</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All</source>
            <translation>Все</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Needs the call reviews (not in this database yet)</source>
            <translation>Нужны оценки звонков (в этой базе их ещё нет)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Online: every call you may see, from the shared database</source>
            <translation>Онлайн: все доступные вам звонки из общей базы</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This workstation's calls (no shared database is set)</source>
            <translation>Звонки этого рабочего места (общая база не задана)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Offline: the calls in this workstation's store; the shared database cannot be reached</source>
            <translation>Офлайн: звонки из локальной базы; общая база недоступна</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Lead: %1 ✕</source>
            <translation>Лид: %1 ✕</translation>
        </message>
        <message>
            <location line="+59" />
            <location line="+1" />
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This call is not visible to you.</source>
            <translation>Этот звонок вам недоступен.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No recording of this call.</source>
            <translation>У этого звонка нет записи.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Could not read the call: %1</source>
            <translation>Не удалось прочитать звонок: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Open the lead card</source>
            <translation>Открыть карточку лида</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show this lead's calls</source>
            <translation>Показать звонки этого лида</translation>
        </message>
        <message numerus="yes">
            <location line="+23" />
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n звонок</numerusform>
                <numerusform>%n звонка</numerusform>
                <numerusform>%n звонков</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CallsModel</name>
        <message>
            <location filename="../../src/workstation/views/calls/model.py" line="+103" />
            <source>Could not read the calls: %1</source>
            <translation>Не удалось прочитать звонки: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction</source>
            <translation>Направление</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>Исход</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duration</source>
            <translation>Длительность</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rec.</source>
            <translation>Зап.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Codec</source>
            <translation>Кодек</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jitter, ms</source>
            <translation>Джиттер, мс</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Loss, %</source>
            <translation>Потери, %</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Security</source>
            <translation>Защита</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <location line="+36" />
            <source>not reviewed</source>
            <translation>не проверен</translation>
        </message>
    </context>
    <context>
        <name>CrashReportDialog</name>
        <message>
            <location filename="../../src/workstation/views/crashdialog.py" line="+22" />
            <source>Workstation stopped unexpectedly</source>
            <translation>Рабочее место неожиданно закрылось</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The last session ended with an error. A report was saved in the log folder:
%1
It holds no passwords; send it to your support if the problem comes back.</source>
            <translation>Прошлый сеанс завершился с ошибкой. Отчёт сохранён в папке журналов:
%1
В нём нет паролей; отправьте его в поддержку, если проблема повторится.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Show report</source>
            <translation>Показать отчёт</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open folder</source>
            <translation>Открыть папку</translation>
        </message>
    </context>
    <context>
        <name>CriteriaEditor</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="-204" />
            <source>Scorecard</source>
            <translation>Оценочный лист</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Criterion</source>
            <translation>Критерий</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Weight</source>
            <translation>Вес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer</source>
            <translation>Ответ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Max</source>
            <translation>Макс.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Critical</source>
            <translation>Критичный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add criterion</source>
            <translation>Добавить критерий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as new version</source>
            <translation>Сохранить новой версией</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+31" />
            <source>Yes / no</source>
            <translation>Да / нет</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+31" />
            <source>Scale 0..N</source>
            <translation>Шкала 0..N</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Call quality</source>
            <translation>Качество звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No scorecard yet: add the criteria and save.</source>
            <translation>Оценочного листа ещё нет: добавьте критерии и сохраните.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Version %1; saving makes version %2 (reviews keep the criteria they were scored with)</source>
            <translation>Версия %1; при сохранении будет версия %2 (оценки сохраняют критерии, по которым ставились)</translation>
        </message>
    </context>
    <context>
        <name>DatabasePage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="+190" />
            <source>Shared database</source>
            <translation>Общая база данных</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Remove the password from the database URL and type it in the Password field: it is kept in the system keyring.</source>
            <translation>Уберите пароль из URL базы данных и введите его в поле «Пароль»: он хранится в системном хранилище паролей.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The database URL must start with postgresql:// (or be empty).</source>
            <translation>URL базы данных должен начинаться с postgresql:// (или быть пустым).</translation>
        </message>
    </context>
    <context>
        <name>DatabasePageForm</name>
        <message>
            <location filename="../../ui/settings_database.ui" line="+6" />
            <source>Shared database</source>
            <translation>Общая база данных</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shared database URL</source>
            <translation>URL общей базы данных</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Leave empty to work alone on this computer. Write the URL without the password: the password is kept in the system keyring.</source>
            <translation>Оставьте пустым, чтобы работать только на этом компьютере. Пишите URL без пароля: пароль хранится в системном хранилище паролей.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+52" />
            <source>Shared database</source>
            <translation>Общая база данных</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Work alone on this computer, or sign in to your team's shared database.</source>
            <translation>Работайте в одиночку на этом компьютере или войдите в общую базу данных команды.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Single user: work alone on this computer</source>
            <translation>Один пользователь: работать только на этом компьютере</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in to a shared database</source>
            <translation>Войти в общую базу данных</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Test sign-in</source>
            <translation>Проверить вход</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Type the database URL your admin gave you.</source>
            <translation>Введите адрес базы данных, который дал администратор.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Signing in…</source>
            <translation>Вход…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Signed in: %1</source>
            <translation>Вход выполнен: %1</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="../../src/workstation/demo.py" line="+237" />
            <source>Demo: a client will call in %1 s from a known lead, then from an unknown number.</source>
            <translation>Демо: через %1 с позвонит клиент из базы, затем — с неизвестного номера.</translation>
        </message>
    </context>
    <context>
        <name>DrillDialog</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="+335" />
            <source>%1 rows written to %2</source>
            <translation>Записано строк: %1, файл %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+7" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Base</source>
            <translation>База</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+6" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Исход</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Talk</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 shown; double-click a row to open it</source>
            <translation>Показано: %1; двойной щелчок по строке открывает её</translation>
        </message>
    </context>
    <context>
        <name>EffectivePage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-45" />
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An answered call is effective when the talk lasted at least this long, or the manager recorded a result (positive, satisfactory or negative), or used a sales tool (offer, presentation, demo access, invoice). Every workstation counts its plan with this rule once it has synced.</source>
            <translation>Отвеченный звонок результативен, если разговор длился не меньше этого, или менеджер записал результат (положительный, удовлетворительный или отрицательный), или использовал инструмент продаж (предложение, презентация, демодоступ, счёт). Каждая станция считает план по этому правилу после синхронизации.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Talk time that makes a call effective:</source>
            <translation>Время разговора для результативного звонка:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+71" />
            <source>Choose the lead base</source>
            <translation>Выберите базу лидов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A CSV (UTF-8 or Windows-1251; comma, semicolon or tab) or an XLSX file with a header row.</source>
            <translation>Файл CSV (UTF-8 или Windows-1251; запятая, точка с запятой или табуляция) или XLSX со строкой заголовков.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Path to a .csv or .xlsx file</source>
            <translation>Путь к файлу .csv или .xlsx</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Country (ISO code) of numbers written without a country code</source>
            <translation>Страна (код ISO) номеров без кода страны</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Detect</source>
            <translation>Определить</translation>
        </message>
        <message>
            <location line="+4" />
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default phone region:</source>
            <translation>Регион телефонов по умолчанию:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Encoding:</source>
            <translation>Кодировка:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Me</source>
            <translation>Я</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads go to:</source>
            <translation>Лиды получает:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Open lead base</source>
            <translation>Открыть базу лидов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead bases (*.csv *.txt *.xlsx);;All files (*)</source>
            <translation>Базы лидов (*.csv *.txt *.xlsx);;Все файлы (*)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Me (%1)</source>
            <translation>Я (%1)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager: %1</source>
            <translation>Менеджер: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared pool of team %1</source>
            <translation>Общий пул команды %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team %1: evenly among its managers</source>
            <translation>Команда %1: поровну между менеджерами</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1: no such file</source>
            <translation>%1: нет такого файла</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../src/workstation/views/funnel/filters.py" line="+166" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager:</source>
            <translation>Менеджер:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>Период</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only what happened between these days (both included)</source>
            <translation>Только то, что было в эти дни (включительно)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop reading (the numbers shown stay as they were)</source>
            <translation>Остановить чтение (показанные числа останутся прежними)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>All teams</source>
            <translation>Все команды</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All managers</source>
            <translation>Все менеджеры</translation>
        </message>
        <message>
            <location line="+18" />
            <source>as of %1</source>
            <translation>на %1</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+144" />
            <source>Welcome to Workstation</source>
            <translation>Добро пожаловать в «Рабочее место»</translation>
        </message>
    </context>
    <context>
        <name>FunnelCells</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="-254" />
            <source>Double-click: what is behind this number</source>
            <translation>Двойной щелчок: что стоит за этим числом</translation>
        </message>
    </context>
    <context>
        <name>FunnelTab</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="+51" />
            <source>Funnel</source>
            <translation>Воронка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/funnel/funnel_tab.py" line="+43" />
            <source>%1 d</source>
            <translation>%1 дн.</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Funnel:</source>
            <translation>Воронка:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base:</source>
            <translation>База:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stuck after:</source>
            <translation>Застрял через:</translation>
        </message>
        <message>
            <location line="+1" />
            <source> days</source>
            <translation> дн.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A lead at an open stage longer than this is stuck</source>
            <translation>Лид дольше этого срока на открытом этапе считается застрявшим</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stages and conversion</source>
            <translation>Этапы и конверсия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead types against a cold base</source>
            <translation>Типы лидов против холодной базы</translation>
        </message>
        <message>
            <location line="+4" />
            <source>by base</source>
            <translation>по базам</translation>
        </message>
        <message>
            <location line="+1" />
            <source>by manager</source>
            <translation>по менеджерам</translation>
        </message>
        <message>
            <location line="+15" />
            <source>All bases</source>
            <translation>Все базы</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reading…</source>
            <translation>Чтение…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Stopped: the numbers shown are as of the time above</source>
            <translation>Остановлено: показаны числа на время выше</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not read the funnel: %1</source>
            <translation>Не удалось прочитать воронку: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reading… %1 of %2</source>
            <translation>Чтение… %1 из %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 rows written to %2</source>
            <translation>Записано строк: %1, файл %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 leads in the funnel; double-click a number to see the leads behind it</source>
            <translation>Лидов в воронке: %1; двойной щелчок по числу покажет лиды за ним</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+42" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Leads now</source>
            <translation>Лидов сейчас</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reached</source>
            <translation>Дошли</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To next stage</source>
            <translation>На след. этап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Median time
in stage</source>
            <translation>Медиана
на этапе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stays
measured</source>
            <translation>Замерено
пребываний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads at this stage now</source>
            <translation>Лиды на этом этапе сейчас</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads that got to this stage or further</source>
            <translation>Лиды, дошедшие до этого этапа или дальше</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Of the leads that reached this stage, the share that reached the next</source>
            <translation>Доля дошедших до этого этапа, которые дошли до следующего</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From the stage-change history: half the finished stays were shorter</source>
            <translation>По истории смены этапов: половина завершённых пребываний была короче</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finished stays in this stage (the median's sample)</source>
            <translation>Завершённые пребывания на этапе (выборка медианы)</translation>
        </message>
        <message>
            <location line="+29" />
            <source>reached</source>
            <translation>дошли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>now</source>
            <translation>сейчас</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stuck longer than %1 days: %2</source>
            <translation>Застряли дольше %1 дн.: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In stage since</source>
            <translation>На этапе с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days</source>
            <translation>Дней</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+21" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Base</source>
            <translation>База</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Typed</source>
            <translation>С типом</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No type</source>
            <translation>Без типа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads with a type: the shares' base</source>
            <translation>Лиды с типом: база для долей</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Typical share in a cold base: %1</source>
            <translation>Типичная доля в холодной базе: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(no base)</source>
            <translation>(без базы)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(no owner)</source>
            <translation>(без владельца)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outside the band: %1</source>
            <translation>Вне нормы: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Too few typed leads to judge (fewer than %1)</source>
            <translation>Слишком мало лидов с типом для оценки (меньше %1)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 leads</source>
            <translation>Лидов: %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Leads behind the number</source>
            <translation>Лиды за числом</translation>
        </message>
    </context>
    <context>
        <name>FunnelsPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-228" />
            <source>code of a new funnel</source>
            <translation>код новой воронки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Funnel:</source>
            <translation>Воронка:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product:</source>
            <translation>Продукт:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Topic:</source>
            <translation>Тематика:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save funnel</source>
            <translation>Сохранить воронку</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New funnel</source>
            <translation>Новая воронка</translation>
        </message>
        <message>
            <location line="+2" />
            <source>#</source>
            <translation>№</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Leads at it</source>
            <translation>Лидов на этапе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="-110" />
            <source>System language</source>
            <translation>Язык системы</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A new language applies at once to the main window and to windows opened afterwards.</source>
            <translation>Новый язык сразу применяется к главному окну и к окнам, открытым после этого.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>General</source>
            <translation>Общие</translation>
        </message>
    </context>
    <context>
        <name>GeneralPageForm</name>
        <message>
            <location filename="../../ui/settings_general.ui" line="+6" />
            <source>General</source>
            <translation>Общие</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Default phone region</source>
            <translation>Регион телефонов по умолчанию</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Country of numbers written without a country code</source>
            <translation>Страна номеров, записанных без кода страны</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Microphone</source>
            <translation>Микрофон</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+11" />
            <source>System default</source>
            <translation>Системный по умолчанию</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Speaker</source>
            <translation>Динамик</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Ring device</source>
            <translation>Устройство звонка</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Same as the speaker</source>
            <translation>Как у динамика</translation>
        </message>
    </context>
    <context>
        <name>GeneralWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="-223" />
            <source>Language and region</source>
            <translation>Язык и регион</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The interface language and the region for phone numbers written without a country code.</source>
            <translation>Язык интерфейса и регион для номеров телефонов без кода страны.</translation>
        </message>
    </context>
    <context>
        <name>HandOver</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/handover.py" line="+25" />
            <source>Another team's region</source>
            <translation>Регион другой команды</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client speaks another language</source>
            <translation>Клиент говорит на другом языке</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another team sells this product</source>
            <translation>Этот продукт продаёт другая команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I am away</source>
            <translation>Я отсутствую</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client asked for someone else</source>
            <translation>Клиент попросил другого менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Другое</translation>
        </message>
    </context>
    <context>
        <name>HandOverDialog</name>
        <message>
            <location line="+11" />
            <source>Hand the lead over</source>
            <translation>Передать лид</translation>
        </message>
        <message>
            <location line="+10" />
            <source>What the new manager should know</source>
            <translation>Что нужно знать новому менеджеру</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Hand over</source>
            <translation>Передать</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To:</source>
            <translation>Кому:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>Причина:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note:</source>
            <translation>Заметка:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Manager: %1</source>
            <translation>Менеджер: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shared pool of team %1</source>
            <translation>Общий пул команды %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose who takes the lead.</source>
            <translation>Выберите, кто примет лид.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write a note for the new manager.</source>
            <translation>Напишите заметку для нового менеджера.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Not handed over: %1</source>
            <translation>Не передано: %1</translation>
        </message>
    </context>
    <context>
        <name>HeadsetBridge</name>
        <message>
            <location filename="../../src/workstation/telephony/audio.py" line="+760" />
            <source>Ring tone file is missing: %1</source>
            <extracomment>Where the frames go (setting audio.path): the C path or QtMultimedia, or native when possible. RMS (Int16 units) below which a 20 ms microphone chunk counts as silence (≈ -56 dBFS). Interpreter switch interval the bridge needs (seconds). Python's default 5 ms lets a busy GUI thread hold the GIL long enough to starve the Qt audio thread (measured: 80 ms microphone gaps and underruns with a 200 ms Python burst; 16 ms gaps and none at 1 ms). Period the audio server is asked to use; PulseAudio's default for Qt's source is 64 ms fragments, far too coarse for a call (measured here).</extracomment>
            <translation>Нет файла мелодии звонка: %1</translation>
        </message>
    </context>
    <context>
        <name>HeadsetPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/headset.py" line="+108" />
            <source>Headset</source>
            <translation>Гарнитура</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Microphone</source>
            <translation>Микрофон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Level</source>
            <translation>Уровень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speaker</source>
            <translation>Динамик</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ring device</source>
            <translation>Устройство звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Audio path</source>
            <translation>Аудиотракт</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Automatic</source>
            <translation>Автоматически</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Native (PulseAudio)</source>
            <translation>Встроенный (PulseAudio)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>QtMultimedia</source>
            <translation>QtMultimedia</translation>
        </message>
        <message>
            <location line="+4" />
            <source>How call audio reaches the headset; applies at the next start</source>
            <translation>Как звук звонка попадает в гарнитуру; применяется при следующем запуске</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+2" />
            <source>Test tone</source>
            <translation>Тестовый сигнал</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Play a short tone on this speaker</source>
            <translation>Воспроизвести короткий сигнал на этом динамике</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Play a short tone on the ring device</source>
            <translation>Воспроизвести короткий сигнал на устройстве звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speak: the bar moves with the chosen microphone</source>
            <translation>Говорите: полоса движется вместе с выбранным микрофоном</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The native path is available: call audio does not wait for the application's own threads.</source>
            <translation>Встроенный тракт доступен: звук звонка не ждёт потоков самого приложения.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The native path is not available (%1); QtMultimedia is used.</source>
            <translation>Встроенный тракт недоступен (%1); используется QtMultimedia.</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+1" />
            <source>System default</source>
            <translation>Системный по умолчанию</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Same as the speaker</source>
            <translation>Как у динамика</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 (not connected)</source>
            <translation>%1 (не подключено)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No microphone found: plug in the headset.</source>
            <translation>Микрофон не найден: подключите гарнитуру.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chosen microphone is not connected.</source>
            <translation>Выбранный микрофон не подключён.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>The microphone cannot be opened.</source>
            <translation>Не удаётся открыть микрофон.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This speaker is not connected.</source>
            <translation>Этот динамик не подключён.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Playing a test tone on %1…</source>
            <translation>Тестовый сигнал на %1…</translation>
        </message>
    </context>
    <context>
        <name>HeadsetWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/headset.py" line="+81" />
            <source>Headset</source>
            <translation>Гарнитура</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the headset, speak: the bar moves. Record 3 seconds and listen to them.</source>
            <translation>Выберите гарнитуру и говорите: полоска двигается. Запишите 3 секунды и прослушайте их.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Record 3 s and play back</source>
            <translation>Записать 3 с и воспроизвести</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Microphone</source>
            <translation>Микрофон</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level</source>
            <translation>Уровень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speaker</source>
            <translation>Динамик</translation>
        </message>
        <message>
            <location line="+27" />
            <source>System default</source>
            <translation>Системный по умолчанию</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No microphone found: plug in the headset.</source>
            <translation>Микрофон не найден: подключите гарнитуру.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The microphone cannot be opened.</source>
            <translation>Не удаётся открыть микрофон.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No microphone is open.</source>
            <translation>Микрофон не открыт.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recording… speak now.</source>
            <translation>Запись… говорите.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No speaker found: plug in the headset.</source>
            <translation>Динамик не найден: подключите гарнитуру.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Playing back %1 s: do you hear yourself?</source>
            <translation>Воспроизведение %1 с: вы себя слышите?</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Done. If you heard nothing, choose another microphone or speaker.</source>
            <translation>Готово. Если ничего не было слышно, выберите другой микрофон или динамик.</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/history.py" line="+85" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction</source>
            <translation>Направление</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>Исход</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Line</source>
            <translation>Связь</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Double-click to play the recording</source>
            <translation>Двойной щелчок — прослушать запись</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="-101" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact person</source>
            <translation>Контактное лицо</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client type</source>
            <translation>Тип клиента</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date-time</source>
            <translation>Дата/время</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client history</source>
            <translation>Клиентская история</translation>
        </message>
        <message>
            <location line="+407" />
            <source>Import leads</source>
            <translation>Импорт лидов</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../src/workstation/views/labels.py" line="+15" />
            <source>Interested</source>
            <translation>Заинтересован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Potentially interested</source>
            <translation>Потенциально заинтересован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hypothetically interested</source>
            <translation>Гипотетически заинтересован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already a client</source>
            <translation>Уже клиент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hostile</source>
            <translation>Предубеждён</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not interested</source>
            <translation>Не заинтересован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>False positioning</source>
            <translation>Ложное позиционирование</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Success</source>
            <translation>Успешно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation>Нет ответа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Positive</source>
            <translation>Положительный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative</source>
            <translation>Отрицательный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfactory</source>
            <translation>Удовлетворительный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undefined</source>
            <translation>Неопределённый</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not aware</source>
            <translation>Не знает</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Aware</source>
            <translation>Знает</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interest found</source>
            <translation>Интерес выявлен</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presale done</source>
            <translation>Пресейл проведён</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offer sent</source>
            <translation>КП отправлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stimulation</source>
            <translation>Стимулирование</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price negotiation</source>
            <translation>Согласование цены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deal signed</source>
            <translation>Сделка подписана</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Money received</source>
            <translation>Деньги получены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repeat request</source>
            <translation>Повторный запрос</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paused</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Отказ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No need</source>
            <translation>Нет потребности</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too expensive</source>
            <translation>Слишком дорого</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already has a supplier</source>
            <translation>Уже есть поставщик</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision maker unreachable</source>
            <translation>ЛПР недоступен</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Asked to call later</source>
            <translation>Просили перезвонить позже</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not in the segment</source>
            <translation>Не наш сегмент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No contact after all attempts</source>
            <translation>Нет контакта после всех попыток</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Incoming</source>
            <translation>Входящий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outgoing</source>
            <translation>Исходящий</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+19" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Note</source>
            <translation>Заметка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage changed</source>
            <translation>Смена этапа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type changed</source>
            <translation>Смена типа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field changed</source>
            <translation>Изменение поля</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail sent</source>
            <translation>Письмо отправлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Task done</source>
            <translation>Задача выполнена</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Handed over</source>
            <translation>Передан</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported</source>
            <translation>Импортирован</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sales manager</source>
            <translation>Менеджер по продажам</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Супервайзер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team lead</source>
            <translation>Руководитель группы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Administrator</source>
            <translation>Администратор</translation>
        </message>
        <message>
            <location line="+5" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meeting</source>
            <translation>Встреча</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Объект продажи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site</source>
            <translation>Сайт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Owner</source>
            <translation>Ответственный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact</source>
            <translation>Следующий контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remind</source>
            <translation>Напомнить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phones</source>
            <translation>Телефоны</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mails</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+4" />
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no TLS</source>
            <translation>без TLS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SRTP</source>
            <translation>SRTP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RTP, not encrypted</source>
            <translation>RTP, без шифрования</translation>
        </message>
        <message>
            <location line="+99" />
            <source>jitter %1 ms</source>
            <translation>джиттер %1 мс</translation>
        </message>
        <message>
            <location line="+3" />
            <source>loss %1 %</source>
            <translation>потери %1 %</translation>
        </message>
    </context>
    <context>
        <name>LeadCardDialog</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/widget.py" line="+333" />
            <source>Hand over…</source>
            <translation>Передать…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Lead card</source>
            <translation>Карточка лида</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Lead card: %1</source>
            <translation>Карточка лида: %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lead card has unsaved changes. Close without saving?</source>
            <translation>В карточке лида есть несохранённые изменения. Закрыть без сохранения?</translation>
        </message>
    </context>
    <context>
        <name>LeadCardForm</name>
        <message>
            <location filename="../../ui/leadcard.ui" line="+9" />
            <source>Lead card</source>
            <translation>Карточка лида</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Company (counterparty)</source>
            <translation>Компания (контрагент)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Site</source>
            <translation>Сайт</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Marketing event or campaign the lead came from</source>
            <translation>Маркетинговое мероприятие или кампания, откуда пришёл лид</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sales direction; decides the funnel</source>
            <translation>Направление продаж; определяет воронку</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Product</source>
            <translation>Объект продажи</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Responsible</source>
            <translation>Ответственный</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Next contact</source>
            <translation>Следующий контакт</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Remind me</source>
            <translation>Напомнить мне</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Contact persons</source>
            <translation>Контактные лица</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Phones</source>
            <translation>Телефоны</translation>
        </message>
        <message>
            <location line="+6" />
            <source>E-mails</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What was said, what was agreed</source>
            <translation>Что сказали, о чём договорились</translation>
        </message>
    </context>
    <context>
        <name>LeadCardWidget</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/widget.py" line="-224" />
            <location line="+4" />
            <source>— not set —</source>
            <translation>— не задан —</translation>
        </message>
        <message>
            <location line="+4" />
            <source>— nobody —</source>
            <translation>— никто —</translation>
        </message>
        <message>
            <location line="+43" />
            <source>New lead</source>
            <translation>Новый лид</translation>
        </message>
        <message>
            <location line="+87" />
            <source>This lead no longer exists.</source>
            <translation>Этого лида больше нет.</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Could not read the lead: %1</source>
            <translation>Не удалось прочитать лида: %1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Not saved: %1</source>
            <translation>Не сохранено: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not save the lead: %1</source>
            <translation>Не удалось сохранить лида: %1</translation>
        </message>
    </context>
    <context>
        <name>LeadChooserDialog</name>
        <message>
            <location filename="../../src/workstation/views/workspace/chooser.py" line="+18" />
            <source>Which client is calling?</source>
            <translation>Какой клиент звонит?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(no name)</source>
            <translation>(без названия)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 matches %2 leads:</source>
            <translation>%1 совпадает с лидами (%2):</translation>
        </message>
    </context>
    <context>
        <name>LeadListModel</name>
        <message>
            <location filename="../../src/workstation/views/leadlist/model.py" line="+87" />
            <source>Could not read the lead list: %1</source>
            <translation>Не удалось прочитать список лидов: %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>Ответственный</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Next contact</source>
            <translation>Следующий контакт</translation>
        </message>
    </context>
    <context>
        <name>LeadListWidget</name>
        <message>
            <location filename="../../src/workstation/views/leadlist/widget.py" line="+132" />
            <source>Reassign…</source>
            <translation>Переназначить…</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Select the leads to reassign first.</source>
            <translation>Сначала выберите лиды для переназначения.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n leads reassigned</source>
            <translation>
                <numerusform>Переназначен %n лид</numerusform>
                <numerusform>Переназначено %n лида</numerusform>
                <numerusform>Переназначено %n лидов</numerusform>
            </translation>
        </message>
        <message>
            <location line="+30" />
            <source>All types</source>
            <translation>Все типы</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No type yet</source>
            <translation>Без типа</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All stages</source>
            <translation>Все этапы</translation>
        </message>
        <message>
            <location line="+4" />
            <source>All owners</source>
            <translation>Все ответственные</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nobody</source>
            <translation>Никто</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Any next contact</source>
            <translation>Любой следующий контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue</source>
            <translation>Просрочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today or overdue</source>
            <translation>Сегодня или просрочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No date set</source>
            <translation>Дата не задана</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date range…</source>
            <translation>Диапазон дат…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Search by phone (any format) or name…</source>
            <translation>Поиск по телефону (в любом формате) или названию…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact from</source>
            <translation>Следующий контакт с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact up to and including</source>
            <translation>Следующий контакт по (включительно)</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Searching…</source>
            <translation>Поиск…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counting…</source>
            <translation>Подсчёт…</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>%Ln lead(s)</source>
            <translation>
                <numerusform>%Ln лид</numerusform>
                <numerusform>%Ln лида</numerusform>
                <numerusform>%Ln лидов</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>No leads yet: File → Import leads…</source>
            <translation>Лидов пока нет: Файл → Импорт лидов…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing matches</source>
            <translation>Ничего не найдено</translation>
        </message>
    </context>
    <context>
        <name>LineRow</name>
        <message>
            <location filename="../../src/workstation/views/softphone/lines.py" line="+106" />
            <source>Line %1</source>
            <translation>Линия %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Answer</source>
            <translation>Ответ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer; the call in progress goes on hold</source>
            <translation>Ответить; текущий звонок встанет на удержание</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>Отклонить</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Decline the call (603)</source>
            <translation>Отклонить звонок (603)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send busy (486 Busy Here) (%1)</source>
            <translation>Ответить «занято» (486 Busy Here) (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Voicemail</source>
            <translation>Голосовая почта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the call to voicemail (%1) (%2)</source>
            <translation>Перевести звонок на голосовую почту (%1) (%2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No voicemail is set up (Settings → SIP: voicemail)</source>
            <translation>Голосовая почта не настроена (Настройки → SIP: голосовая почта)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+42" />
            <source>Hold</source>
            <translation>Удержание</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Put this line on hold / talk on it</source>
            <translation>Поставить линию на удержание / говорить по ней</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up</source>
            <translation>Положить трубку</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hang up this line</source>
            <translation>Завершить звонок на этой линии</translation>
        </message>
        <message>
            <location line="+10" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+6" />
            <source>waiting call, ringing</source>
            <translation>ожидающий звонок, звонит</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ringing</source>
            <translation>звонит</translation>
        </message>
        <message>
            <location line="+2" />
            <source>calling…</source>
            <translation>вызов…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>conference %1</source>
            <translation>конференция %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>on hold %1</source>
            <translation>на удержании %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>transferring…</source>
            <translation>перевод…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>talking %1</source>
            <translation>разговор %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>consultation</source>
            <translation>консультация</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unsaved edits</source>
            <translation>несохранённые правки</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Resume</source>
            <translation>Вернуться</translation>
        </message>
    </context>
    <context>
        <name>LinesPanel</name>
        <message>
            <location line="+97" />
            <source>There is no other answered line to swap to.</source>
            <translation>Нет другой принятой линии для переключения.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Consult</source>
            <translation>Консультация</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call (number or SIP address) to consult before transferring; the call in progress goes on hold:</source>
            <translation>Кому позвонить (номер или SIP-адрес) для консультации перед переводом; текущий звонок встанет на удержание:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Swap</source>
            <translation>Переключить</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hold this line and talk on the other (%1)</source>
            <translation>Удержать эту линию и говорить по другой (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Complete transfer</source>
            <translation>Завершить перевод</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connect the held caller with the consulted party (%1)</source>
            <translation>Соединить удерживаемого абонента с абонентом консультации (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return</source>
            <translation>Вернуться</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up the consultation and return to the held call (%1)</source>
            <translation>Завершить консультацию и вернуться к удерживаемому звонку (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conference</source>
            <translation>Конференция</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Join both lines: everyone hears everyone (%1)</source>
            <translation>Объединить обе линии: все слышат всех (%1)</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="+81" />
            <source>Used by calls</source>
            <translation>В звонках</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Used by leads</source>
            <translation>У лидов</translation>
        </message>
        <message>
            <location line="+2" />
            <source>#</source>
            <translation>№</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/workstation/views/mainwindow.py" line="+103" />
            <source>Workstation</source>
            <translation>Рабочее место</translation>
        </message>
        <message>
            <location line="+153" />
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Export leads</source>
            <translation>Экспорт лидов</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exporting leads…</source>
            <translation>Экспорт лидов…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Exported %1 leads to %2</source>
            <translation>Экспортировано лидов: %1 в %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export failed: %1</source>
            <translation>Ошибка экспорта: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>About workstation</source>
            <translation>О программе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;Workstation&lt;/b&gt; %1&lt;br&gt;A call-center workstation for people who sell by phone: lead base, lead card, softphone, scripts.</source>
            <translation>&lt;b&gt;Рабочее место&lt;/b&gt; %1&lt;br&gt;Рабочее место колл-центра для тех, кто продаёт по телефону: база лидов, карточка лида, софтфон, скрипты.</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="-304" />
            <source>Columns</source>
            <translation>Столбцы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check which field each column holds. A phone column is required; several phone or e-mail columns are allowed.</source>
            <translation>Проверьте, какое поле в каждом столбце. Столбец с телефоном обязателен; столбцов с телефонами или e-mail может быть несколько.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Example</source>
            <translation>Пример</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location line="+11" />
            <source>First rows of the file:</source>
            <translation>Первые строки файла:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Reading %1…</source>
            <translation>Чтение %1…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The file cannot be read: %1</source>
            <translation>Файл не читается: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>tab</source>
            <translation>табуляция</translation>
        </message>
        <message>
            <location line="+0" />
            <source>comma</source>
            <translation>запятая</translation>
        </message>
        <message>
            <location line="+1" />
            <source>semicolon</source>
            <translation>точка с запятой</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV file, encoding %1, delimiter: %2, %3 columns</source>
            <translation>Файл CSV, кодировка %1, разделитель: %2, столбцов: %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>XLSX file, sheet %1, %2 columns</source>
            <translation>Файл XLSX, лист %1, столбцов: %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>(ignore)</source>
            <translation>(пропустить)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No column is mapped to Phone (headers found: %1). Choose the phone column.</source>
            <translation>Ни один столбец не сопоставлен с полем «Телефон» (найдены заголовки: %1). Выберите столбец с телефоном.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only one column can be mapped to: %1</source>
            <translation>С этим полем можно сопоставить только один столбец: %1</translation>
        </message>
    </context>
    <context>
        <name>MissingPanel</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="+324" />
            <source>Check now</source>
            <translation>Проверить сейчас</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Workstation</source>
            <translation>Рабочее место</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found</source>
            <translation>Найдено</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Call or file</source>
            <translation>Звонок или файл</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <location line="+28" />
            <source>No missing recordings</source>
            <translation>Пропавших записей нет</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 missing or damaged recordings (%2)</source>
            <translation>Пропавших или повреждённых записей: %1 (%2)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>The check failed: %1</source>
            <translation>Проверка не удалась: %1</translation>
        </message>
    </context>
    <context>
        <name>MonitorFeature</name>
        <message>
            <location filename="../../src/workstation/views/monitor/widget.py" line="+157" />
            <source>The softphone is not running: cannot monitor.</source>
            <translation>Софтфон не запущен: прослушивание невозможно.</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+7" />
            <location line="+8" />
            <source>Cannot monitor: %1</source>
            <translation>Не удалось начать прослушивание: %1</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Monitoring refused: %1</source>
            <translation>В прослушивании отказано: %1</translation>
        </message>
    </context>
    <context>
        <name>MonitorIndicator</name>
        <message>
            <location filename="../../src/workstation/views/monitor/__init__.py" line="+49" />
            <source>The softphone is not running: cannot monitor.</source>
            <translation>Софтфон не запущен: прослушивание невозможно.</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/monitor/widget.py" line="-139" />
            <source>Monitor</source>
            <translation>Контроль</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stop monitoring</source>
            <translation>Прекратить прослушивание</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is listening to this call</source>
            <translation>%1 слушает этот звонок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is whispering to you (the client does not hear)</source>
            <translation>%1 подсказывает вам (клиент не слышит)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has joined the call</source>
            <translation>%1 теперь в разговоре</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A supervisor of your team is monitoring your call (%1).</source>
            <translation>Руководитель вашей команды контролирует ваш звонок (%1).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Listening to %1</source>
            <translation>Слушаю: %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Whispering to %1</source>
            <translation>Подсказываю: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barged in on %1</source>
            <translation>В разговоре: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Listen</source>
            <translation>Слушать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whisper</source>
            <translation>Подсказывать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barge</source>
            <translation>Вмешаться</translation>
        </message>
    </context>
    <context>
        <name>MyDayPanel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="+217" />
            <source>Next lead</source>
            <translation>Следующий лид</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Effective calls today: %1 of %2</source>
            <translation>Результативных звонков сегодня: %1 из %2</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Reminder</source>
            <translation>Напоминание</translation>
        </message>
    </context>
    <context>
        <name>MyReviews</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-239" />
            <source>Reviewer</source>
            <translation>Проверяющий</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 reviews; %2 wait for your acknowledgement</source>
            <translation>Оценок: %1; ждут вашего подтверждения: %2</translation>
        </message>
    </context>
    <context>
        <name>OccupancyReport</name>
        <message>
            <location filename="../../src/workstation/views/board/report.py" line="+30" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logged in</source>
            <translation>В системе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupancy</source>
            <translation>Загрузка</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Export occupancy</source>
            <translation>Экспорт загрузки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 rows written</source>
            <translation>Записано строк: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not exported: %1</source>
            <translation>Не экспортировано: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
    </context>
    <context>
        <name>OrderedPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-146" />
            <source>code (latin, e.g. site_visit)</source>
            <translation>код (латиницей, напр. site_visit)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name shown to managers</source>
            <translation>Название для менеджеров</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Up</source>
            <translation>Выше</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Down</source>
            <translation>Ниже</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retire / restore</source>
            <translation>Вывести / вернуть</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Select a row first.</source>
            <translation>Сначала выберите строку.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>retired</source>
            <translation>выведен</translation>
        </message>
        <message>
            <location line="+0" />
            <source>offered</source>
            <translation>предлагается</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message>
            <location line="+166" />
            <source>For</source>
            <translation>Для</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Figure</source>
            <translation>Показатель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Per</source>
            <translation>Период</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Plan</source>
            <translation>План</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Set plan</source>
            <translation>Задать план</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+12" />
            <source>Everybody (default)</source>
            <translation>Все (по умолчанию)</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+8" />
            <source>Team %1</source>
            <translation>Команда %1</translation>
        </message>
        <message>
            <location line="-5" />
            <location line="+4" />
            <source>Manager %1</source>
            <translation>Менеджер %1</translation>
        </message>
    </context>
    <context>
        <name>Player</name>
        <message>
            <location filename="../../src/workstation/views/calls/player.py" line="+199" />
            <source>−10 s</source>
            <translation>−10 с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back 10 seconds (Left)</source>
            <translation>Назад на 10 секунд (←)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>+10 s</source>
            <translation>+10 с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forward 10 seconds (Right)</source>
            <translation>Вперёд на 10 секунд (→)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speed, pitch kept ([ slower, ] faster)</source>
            <translation>Скорость без изменения тона ([ медленнее, ] быстрее)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save a copy…</source>
            <translation>Сохранить копию…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play</source>
            <translation>Играть</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play / pause (Space)</source>
            <translation>Воспроизведение / пауза (Пробел)</translation>
        </message>
        <message>
            <location line="+56" />
            <source>The recording is not available offline.</source>
            <translation>Запись недоступна офлайн.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Fetching the recording…</source>
            <translation>Запись загружается…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fetching…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Fetching… %1 %</source>
            <translation>Загрузка… %1 %</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Could not fetch the recording.</source>
            <translation>Не удалось получить запись.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Drawing the waveform…</source>
            <translation>Строится осциллограмма…</translation>
        </message>
        <message>
            <location line="+100" />
            <source>The recording cannot be played.</source>
            <translation>Запись не воспроизводится.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Wait until the recording has arrived.</source>
            <translation>Дождитесь загрузки записи.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save a copy of the recording</source>
            <translation>Сохранить копию записи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recordings (*%1)</source>
            <translation>Записи (*%1)</translation>
        </message>
    </context>
    <context>
        <name>Presence</name>
        <message>
            <location filename="../../src/workstation/views/board/labels.py" line="+12" />
            <source>Offline</source>
            <translation>Не в сети</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>Свободен</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On a call</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrap-up</source>
            <translation>Итоги звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On a break</source>
            <translation>Перерыв</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Lunch</source>
            <translation>Обед</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coffee break</source>
            <translation>Кофе-брейк</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meeting</source>
            <translation>Совещание</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Training</source>
            <translation>Обучение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technical problem</source>
            <translation>Техническая проблема</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Другое</translation>
        </message>
    </context>
    <context>
        <name>PresenceControl</name>
        <message>
            <location filename="../../src/workstation/views/board/control.py" line="+48" />
            <source>A break begins after this call's wrap-up.</source>
            <translation>Перерыв начнётся после итогов этого звонка.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your state on the team board: click to take a break or to become available.</source>
            <translation>Ваше состояние на доске команды: нажмите, чтобы уйти на перерыв или стать свободным.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Available</source>
            <translation>Свободен</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Break</source>
            <translation>Перерыв</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="-240" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due</source>
            <translation>Срок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Due now</source>
            <translation>Сейчас</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>Просрочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New lead</source>
            <translation>Новый лид</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Later today</source>
            <translation>Позже сегодня</translation>
        </message>
    </context>
    <context>
        <name>ReassignDialog</name>
        <message numerus="yes">
            <location filename="../../src/workstation/views/leadlist/reassign.py" line="+32" />
            <source>Reassign %n leads</source>
            <translation>
                <numerusform>Переназначить %n лид</numerusform>
                <numerusform>Переназначить %n лида</numerusform>
                <numerusform>Переназначить %n лидов</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>To the managers ticked (evenly, in turn)</source>
            <translation>Отмеченным менеджерам (поровну, по очереди)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>To a team's shared pool</source>
            <translation>В общий пул команды</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Why (kept in each lead's history)</source>
            <translation>Почему (сохранится в истории каждого лида)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reassign</source>
            <translation>Переназначить</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Note:</source>
            <translation>Заметка:</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Tick at least one manager.</source>
            <translation>Отметьте хотя бы одного менеджера.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a team.</source>
            <translation>Выберите команду.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Not reassigned: %1</source>
            <translation>Не переназначено: %1</translation>
        </message>
    </context>
    <context>
        <name>ReminderPopup</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="+39" />
            <source>Reminder</source>
            <translation>Напоминание</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call back</source>
            <translation>Перезвонить</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Due: %1</source>
            <translation>Срок: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open lead</source>
            <translation>Открыть лида</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Snooze %1 min</source>
            <translation>Отложить на %1 мин</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Dismiss</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+87" />
            <source>Keep recordings (days)</source>
            <translation>Хранить записи (дней)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shortest call to sample (s)</source>
            <translation>Минимальная длина звонка для выборки (с)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>for ever</source>
            <translation>всегда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save settings</source>
            <translation>Сохранить настройки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply retention now…</source>
            <translation>Применить срок хранения сейчас…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved</source>
            <translation>Сохранено</translation>
        </message>
        <message>
            <location line="+26" />
            <source>No recording is older than the retention (%1 kept: in review or disputed)</source>
            <translation>Записей старше срока хранения нет (оставлено %1: на проверке или оспорены)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete recordings</source>
            <translation>Удаление записей</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete %1 recordings from the shared store? Their calls and scores stay; %2 under review or disputed are kept.</source>
            <translation>Удалить записи (%1) из общего хранилища? Звонки и оценки останутся; записи на проверке или оспоренные (%2) сохранятся.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Deleted %1 recordings</source>
            <translation>Удалено записей: %1</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../../src/workstation/views/review/__init__.py" line="+45" />
            <source>Call review</source>
            <translation>Оценка звонков</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queue</source>
            <translation>Очередь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing recordings</source>
            <translation>Пропавшие записи</translation>
        </message>
        <message>
            <location line="+2" />
            <source>My reviews</source>
            <translation>Мои оценки</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Review</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/review/texts.py" line="+11" />
            <source>To review</source>
            <translation>На проверку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scored</source>
            <translation>Оценено</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+6" />
            <source>Acknowledged</source>
            <translation>Подтверждено</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Disputed</source>
            <translation>Оспорено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved</source>
            <translation>Решено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Comment</source>
            <translation>Комментарий</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dispute</source>
            <translation>Возражение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply</source>
            <translation>Ответ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No file</source>
            <translation>Нет файла</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty file</source>
            <translation>Пустой файл</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shorter than the talk</source>
            <translation>Короче разговора</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checksum mismatch</source>
            <translation>Не совпадает контрольная сумма</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload stuck</source>
            <translation>Загрузка зависла</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File with no call</source>
            <translation>Файл без звонка</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Consent given</source>
            <translation>Согласие получено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client refused recording</source>
            <translation>Клиент отказался от записи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded without asking</source>
            <translation>Записано без запроса согласия</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consent not known</source>
            <translation>Согласие неизвестно</translation>
        </message>
    </context>
    <context>
        <name>ReviewAdminDialog</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+62" />
            <source>Call review settings</source>
            <translation>Настройки оценки звонков</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard</source>
            <translation>Оценочный лист</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retention and sampling</source>
            <translation>Хранение и выборка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recording access</source>
            <translation>Доступ к записям</translation>
        </message>
    </context>
    <context>
        <name>ReviewList</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-87" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company</source>
            <translation>Компания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Length %1</source>
            <translation>Длительность %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>manager's fault</source>
            <translation>вина менеджера</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a critical item failed</source>
            <translation>провален критичный пункт</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueue</name>
        <message>
            <location line="+155" />
            <source>Sample calls…</source>
            <translation>Выбрать звонки…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 calls to review, %2 disputes</source>
            <translation>Звонков на проверку: %1, возражений: %2</translation>
        </message>
    </context>
    <context>
        <name>RowsEditor</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/rows.py" line="+27" />
            <source>work</source>
            <translation>рабочий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mobile</source>
            <translation>мобильный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>home</source>
            <translation>домашний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fax</source>
            <translation>факс</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <location line="+83" />
            <source>Full name</source>
            <translation>ФИО</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DM</source>
            <translation>ЛПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision maker</source>
            <translation>Лицо, принимающее решение</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Call this number</source>
            <translation>Позвонить на этот номер</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+22" />
            <source>Importing</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All rows go in one transaction: a cancelled or failed import changes nothing.</source>
            <translation>Все строки записываются одной транзакцией: отменённый или неудачный импорт ничего не меняет.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next</source>
            <translation>Далее</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cancel import</source>
            <translation>Отменить импорт</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Importing %1…</source>
            <translation>Импорт %1…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Cancelling… (rolling back)</source>
            <translation>Отмена… (откат)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Done.</source>
            <translation>Готово.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Import cancelled: nothing was changed.</source>
            <translation>Импорт отменён: ничего не изменено.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The file cannot be imported, nothing was changed: %1</source>
            <translation>Файл нельзя импортировать, ничего не изменено: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import failed, nothing was changed: %1</source>
            <translation>Импорт не удался, ничего не изменено: %1</translation>
        </message>
    </context>
    <context>
        <name>SampleDialog</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-56" />
            <source>Sample calls for review</source>
            <translation>Выборка звонков на проверку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls per manager</source>
            <translation>Звонков на менеджера</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seed</source>
            <translation>Зерно выборки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unreviewed answered calls of each manager of your team, spread over outcomes, call lengths and hours; calls under the minimum length are left out.</source>
            <translation>Непроверенные состоявшиеся звонки каждого менеджера вашей команды, равномерно по исходам, длительности и часам; звонки короче минимальной длины не берутся.</translation>
        </message>
    </context>
    <context>
        <name>ScorecardPanel</name>
        <message>
            <location filename="../../src/workstation/views/review/scorecard.py" line="+177" />
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>Нет</translation>
        </message>
        <message>
            <location line="+11" />
            <source>(critical)</source>
            <translation>(критичный)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>No scorecard is configured yet (an admin sets the criteria)</source>
            <translation>Оценочный лист ещё не настроен (критерии задаёт администратор)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Score: %1</source>
            <translation>Оценка: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>failed: %1</source>
            <translation>провалено: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 not answered</source>
            <translation>без ответа: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Select a call to review it</source>
            <translation>Выберите звонок для оценки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not reviewed yet</source>
            <translation>Ещё не оценён</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 · assigned to %2</source>
            <translation>%1 · назначено: %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 · reviewed by %2</source>
            <translation>%1 · проверил(а): %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>score %1</source>
            <translation>оценка %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Criteria</source>
            <translation>Критерии</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager's fault</source>
            <translation>Вина менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The refusal was the manager's fault: the client was lost by the manager</source>
            <translation>Отказ по вине менеджера: клиента потерял менеджер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Summary for the manager</source>
            <translation>Итог для менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submit score</source>
            <translation>Поставить оценку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comments (click one to hear that moment)</source>
            <translation>Комментарии (щелчок — прослушать этот момент)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Comment at the player's position</source>
            <translation>Комментарий к текущей позиции плеера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply to the reviewer</source>
            <translation>Ответ проверяющему</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add comment</source>
            <translation>Добавить комментарий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why (required to dispute)</source>
            <translation>Почему (обязательно для возражения)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer to the dispute</source>
            <translation>Ответ на возражение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge</source>
            <translation>Подтвердить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispute</source>
            <translation>Оспорить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolve dispute</source>
            <translation>Решить спор</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Saved</source>
            <translation>Сохранено</translation>
        </message>
    </context>
    <context>
        <name>ScriptEditor</name>
        <message>
            <location filename="../../src/workstation/views/scripteditor/editor.py" line="+116" />
            <location line="+702" />
            <source>Call script editor</source>
            <translation>Редактор скриптов звонков</translation>
        </message>
        <message>
            <location line="-677" />
            <source>Save as new version</source>
            <translation>Сохранить как новую версию</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Store the script as a new version; older versions stay and calls keep the version they used</source>
            <translation>Сохранить скрипт как новую версию; старые версии остаются, звонки хранят использованную версию</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Scripts</source>
            <translation>Скрипты</translation>
        </message>
        <message>
            <location line="+20" />
            <source>New</source>
            <translation>Новый</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import…</source>
            <translation>Импорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open a script from a JSON file</source>
            <translation>Открыть скрипт из файла JSON</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the script being edited to a JSON file</source>
            <translation>Записать редактируемый скрипт в файл JSON</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Steps</source>
            <translation>Шаги</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Add step</source>
            <translation>Добавить шаг</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove step</source>
            <translation>Удалить шаг</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Script</source>
            <translation>Скрипт</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stable code; saving under a new code starts a new script</source>
            <translation>Постоянный код; сохранение под новым кодом создаёт новый скрипт</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Leads with this topic get this script</source>
            <translation>Лиды с этой тематикой получают этот скрипт</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Warn the manager past this many info-occasions in one call</source>
            <translation>Предупреждать менеджера, если инфоповодов за звонок больше этого числа</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Code:</source>
            <translation>Код:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic:</source>
            <translation>Тематика:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start step:</source>
            <translation>Первый шаг:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info-occasions per call:</source>
            <translation>Инфоповодов за звонок:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Step</source>
            <translation>Шаг</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Renaming a step relinks the answers that lead to it</source>
            <translation>При переименовании шага ответы, ведущие к нему, перепривязываются</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Objections and info-occasions can be opened from any step; their @return answers go back</source>
            <translation>Возражения и инфоповоды открываются с любого шага; их ответы @return возвращают назад</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kind:</source>
            <translation>Вид:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stage:</source>
            <translation>Этап:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Title:</source>
            <translation>Заголовок:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What the manager says; variables are filled in during the call</source>
            <translation>Что говорит менеджер; переменные подставляются во время звонка</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Insert:</source>
            <translation>Вставить:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Text:</source>
            <translation>Текст:</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Client's answers:</source>
            <translation>Ответы клиента:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add answer</source>
            <translation>Добавить ответ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove answer</source>
            <translation>Удалить ответ</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Preview with sample values</source>
            <translation>Предпросмотр с примерными значениями</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+109" />
            <source>Problems</source>
            <translation>Проблемы</translation>
        </message>
        <message>
            <location line="-88" />
            <source>The contact person's name</source>
            <translation>Имя контактного лица</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lead's company</source>
            <translation>Компания лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The manager's name</source>
            <translation>Имя менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The product or topic</source>
            <translation>Продукт или тематика</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Olena Petrenko</source>
            <translation>Елена Петренко</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Acme Trading LLC</source>
            <translation>ООО «Альфа Трейд»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ivan Moroz</source>
            <translation>Иван Мороз</translation>
        </message>
        <message>
            <location line="+0" />
            <source>financial consulting</source>
            <translation>финансовый консалтинг</translation>
        </message>
        <message numerus="yes">
            <location line="+77" />
            <source>Problems (%n)</source>
            <translation>
                <numerusform>Проблемы (%n)</numerusform>
                <numerusform>Проблемы (%n)</numerusform>
                <numerusform>Проблемы (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>No problems: the script can be saved.</source>
            <translation>Проблем нет: скрипт можно сохранить.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1: not saved yet</source>
            <translation>%1: ещё не сохранён</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: editing version %2</source>
            <translation>%1: правка версии %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>unsaved changes</source>
            <translation>несохранённые изменения</translation>
        </message>
        <message>
            <location line="+73" />
            <source>A step with id %1 already exists.</source>
            <translation>Шаг с id %1 уже есть.</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Step %1 removed; answers that led to it are listed under Problems.</source>
            <translation>Шаг %1 удалён; ответы, которые вели к нему, перечислены в «Проблемах».</translation>
        </message>
        <message numerus="yes">
            <location line="+147" />
            <source>Not saved: fix the problems first (%n).</source>
            <translation>
                <numerusform>Не сохранено: сначала исправьте %n проблему.</numerusform>
                <numerusform>Не сохранено: сначала исправьте %n проблемы.</numerusform>
                <numerusform>Не сохранено: сначала исправьте %n проблем.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saving…</source>
            <translation>Сохранение…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saved as version %1; earlier versions are kept.</source>
            <translation>Сохранено как версия %1; прежние версии сохранены.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The script was not saved.</source>
            <translation>Скрипт не сохранён.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Import a call script</source>
            <translation>Импорт скрипта звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call scripts (*.json);;All files (*)</source>
            <translation>Скрипты звонков (*.json);;Все файлы (*)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The file was not imported.</source>
            <translation>Файл не импортирован.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Imported %1 with problems to fix (%n).</source>
            <translation>
                <numerusform>Импортирован %1, есть %n проблема для исправления.</numerusform>
                <numerusform>Импортирован %1, есть %n проблемы для исправления.</numerusform>
                <numerusform>Импортирован %1, есть %n проблем для исправления.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Imported %1; save to store it as a new version.</source>
            <translation>Импортирован %1; сохраните, чтобы записать как новую версию.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export the call script</source>
            <translation>Экспорт скрипта звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call scripts (*.json)</source>
            <translation>Скрипты звонков (*.json)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The script was not exported.</source>
            <translation>Скрипт не экспортирован.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exported to %1.</source>
            <translation>Экспортировано в %1.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Something went wrong.</source>
            <translation>Что-то пошло не так.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The script has unsaved changes. Discard them?</source>
            <translation>В скрипте есть несохранённые изменения. Отбросить их?</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/models.py" line="+35" />
            <source>Say</source>
            <translation>Сказать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Question</source>
            <translation>Вопрос</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection</source>
            <translation>Возражение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info-occasion</source>
            <translation>Инфоповод</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing</source>
            <translation>Закрытие</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preparation</source>
            <translation>Подготовка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secretary</source>
            <translation>Секретарь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negotiation</source>
            <translation>Переговоры</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commitment</source>
            <translation>Обязательство</translation>
        </message>
        <message>
            <location line="+24" />
            <source>↩ back (@return)</source>
            <translation>↩ назад (@return)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>■ end (@end)</source>
            <translation>■ конец (@end)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>Версия</translation>
        </message>
        <message>
            <location line="+32" />
            <source>%1 versions stored; language %2</source>
            <translation>Сохранено версий: %1; язык %2</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Client's answer</source>
            <translation>Ответ клиента</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next step</source>
            <translation>Следующий шаг</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hints for the wrap-up</source>
            <translation>Подсказки для итогов звонка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Optional, e.g. result=positive; lead_type=interested; tools=offer_sent, presentation
Keys: %1
Tools: %2</source>
            <translation>Необязательно, например result=positive; lead_type=interested; tools=offer_sent, presentation
Ключи: %1
Инструменты: %2</translation>
        </message>
    </context>
    <context>
        <name>ScriptPane</name>
        <message>
            <location filename="../../src/workstation/views/workspace/script_pane.py" line="+138" />
            <source>Objections and info-occasions</source>
            <translation>Возражения и инфоповоды</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Back</source>
            <translation>Назад</translation>
        </message>
        <message>
            <location line="+81" />
            <source>No script</source>
            <translation>Нет скрипта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no call script for this topic.</source>
            <translation>Для этой тематики нет скрипта звонка.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>End of the script: fill in the wrap-up</source>
            <translation>Конец скрипта: заполните итоги звонка</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Info-occasions: %1 of %2</source>
            <translation>Инфоповоды: %1 из %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>more than %1 in one call: send one by e-mail and call again with a new one</source>
            <translation>больше %1 за звонок: отправьте один по e-mail и перезвоните с новым</translation>
        </message>
    </context>
    <context>
        <name>ScriptProblems</name>
        <message>
            <location filename="../../src/workstation/domain/scripts.py" line="+102" />
            <source>step '{id}'</source>
            <translation>шаг «{id}»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>step #{n}</source>
            <translation>шаг №{n}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>say</source>
            <translation>реплика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>question</source>
            <translation>вопрос</translation>
        </message>
        <message>
            <location line="+1" />
            <source>objection</source>
            <translation>возражение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>info_occasion</source>
            <translation>инфоповод</translation>
        </message>
        <message>
            <location line="+1" />
            <source>close</source>
            <translation>завершение</translation>
        </message>
        <message>
            <location line="+70" />
            <source>bad braces in text {text}: {error}</source>
            <translation>ошибка в фигурных скобках в тексте {text}: {error}</translation>
        </message>
        <message>
            <location line="+49" />
            <source>script code is empty</source>
            <translation>не указан код сценария</translation>
        </message>
        <message>
            <location line="+2" />
            <source>script has no steps</source>
            <translation>в сценарии нет шагов</translation>
        </message>
        <message>
            <location line="+2" />
            <source>start step '{id}' does not exist</source>
            <translation>начального шага «{id}» нет</translation>
        </message>
        <message>
            <location line="+3" />
            <source>max_info_occasions must be at least 1, got {n}</source>
            <translation>максимум инфоповодов должен быть не меньше 1, указано {n}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{where}: a step id must be non-empty and not start with '@'</source>
            <translation>{where}: идентификатор шага не может быть пустым или начинаться с «@»</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: text is empty</source>
            <translation>{where}: текст пуст</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: {problem}</source>
            <translation>{where}: {problem}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: unknown variable {name} (known: {known})</source>
            <translation>{where}: неизвестная переменная {name} (известные: {known})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: a {kind} step needs at least one answer (only close steps may end the script)</source>
            <translation>{where}: шагу вида «{kind}» нужен хотя бы один ответ (закончить сценарий может только шаг завершения)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: answer id '{answer}' is used twice</source>
            <translation>{where}: идентификатор ответа «{answer}» использован дважды</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: answer '{answer}' has no label</source>
            <translation>{where}: у ответа «{answer}» нет текста</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: answer '{answer}' leads to missing step '{target}'</source>
            <translation>{where}: ответ «{answer}» ведёт на несуществующий шаг «{target}»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: answer '{answer}': {problem}</source>
            <translation>{where}: ответ «{answer}»: {problem}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{where}: unreachable from the start step '{start}' or any objection/info-occasion step</source>
            <translation>{where}: недостижим ни из начального шага «{start}», ни из шагов возражений и инфоповодов</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: uses {ret} but is not reached from an objection or info-occasion step</source>
            <translation>{where}: использует {ret}, но в него не попасть из шага возражения или инфоповода</translation>
        </message>
        <message>
            <location line="+39" />
            <source>a script must be a JSON object</source>
            <translation>сценарий должен быть объектом JSON</translation>
        </message>
        <message>
            <location line="+5" />
            <source>'steps' must be a list of step objects</source>
            <translation>«steps» должен быть списком объектов-шагов</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: must be an object</source>
            <translation>{where}: должен быть объектом</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{where}: 'id' is missing</source>
            <translation>{where}: нет «id»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: id is used twice</source>
            <translation>{where}: идентификатор использован дважды</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: 'kind' must be one of {kinds}, got {got}</source>
            <translation>{where}: «kind» должен быть одним из {kinds}, указано {got}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{where}: 'answers' must be a list</source>
            <translation>{where}: «answers» должен быть списком</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: answer #{m} must be an object with 'next'</source>
            <translation>{where}: ответ №{m} должен быть объектом с «next»</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: answer #{m}: 'hints' must be an object</source>
            <translation>{where}: ответ №{m}: «hints» должен быть объектом</translation>
        </message>
        <message>
            <location line="+16" />
            <source>'max_info_occasions' must be a whole number</source>
            <translation>«max_info_occasions» должен быть целым числом</translation>
        </message>
        <message>
            <location line="+20" />
            <source>line {line} column {column}: {error}</source>
            <translation>строка {line}, столбец {column}: {error}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>unknown hint '{key}' (known: {known})</source>
            <translation>неизвестная подсказка «{key}» (известные: {known})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hint result {value} is not one of {known}</source>
            <translation>подсказка result {value} — не одно из {known}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hint lead_type {value} is not a lead type</source>
            <translation>подсказка lead_type {value} — не тип лида</translation>
        </message>
        <message>
            <location line="+4" />
            <source>hint tools must be a list of {known}</source>
            <translation>подсказка tools должна быть списком из {known}</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/storage.py" line="+34" />
            <source>not UTF-8 text (byte {n})</source>
            <translation>текст не в UTF-8 (байт {n})</translation>
        </message>
    </context>
    <context>
        <name>ScriptTab</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="+1" />
            <source>Script analytics</source>
            <translation>Аналитика скриптов</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/funnel/script_tab.py" line="+21" />
            <source>Say</source>
            <translation>Реплика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Question</source>
            <translation>Вопрос</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection</source>
            <translation>Возражение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info occasion</source>
            <translation>Инфоповод</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Закрытие</translation>
        </message>
        <message>
            <location line="+40" />
            <source>%1 rows written to %2</source>
            <translation>Записано строк: %1, файл %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Script:</source>
            <translation>Скрипт:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where calls end, step by step</source>
            <translation>Где заканчиваются звонки, по шагам</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 v%2 (%3 calls)</source>
            <translation>%1 в%2 (звонков: %3)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reading…</source>
            <translation>Чтение…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Stopped: the numbers shown are as of the time above</source>
            <translation>Остановлено: показаны числа на время выше</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not read the script analytics: %1</source>
            <translation>Не удалось прочитать аналитику скриптов: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Step</source>
            <translation>Шаг</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reached</source>
            <translation>Дошли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ended here</source>
            <translation>Закончились здесь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No result</source>
            <translation>Без результата</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop-off</source>
            <translation>Отсев</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls whose walk entered this step</source>
            <translation>Звонки, прошедшие через этот шаг</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls whose walk stopped at this step</source>
            <translation>Звонки, остановившиеся на этом шаге</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls that stopped here with this result</source>
            <translation>Звонки, остановившиеся здесь с этим результатом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stopped here without a positive result, of the calls that reached the step</source>
            <translation>Остановились здесь без положительного результата, из дошедших до шага</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The weakest step</source>
            <translation>Самый слабый шаг</translation>
        </message>
        <message>
            <location line="+19" />
            <source>reached the step</source>
            <translation>дошли до шага</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ended there</source>
            <translation>закончились на нём</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No script has been used in a call yet.</source>
            <translation>Скрипты в звонках ещё не использовались.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 answered calls walked this version.</source>
            <translation>Отвеченных звонков по этой версии: %1.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Weakest step: %1 (%2 of the calls reaching it end there without a positive result).</source>
            <translation>Самый слабый шаг: %1 (%2 дошедших до него звонков заканчиваются на нём без положительного результата).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Double-click a number to see the calls behind it</source>
            <translation>Двойной щелчок по числу покажет звонки за ним</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Calls behind the number</source>
            <translation>Звонки за числом</translation>
        </message>
    </context>
    <context>
        <name>SecretField</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="-78" />
            <source>Not stored</source>
            <translation>Не сохранён</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No system keyring is available on this computer, so passwords are not stored. A password typed here is kept in memory until the app closes; otherwise it is asked for when it is needed.</source>
            <translation>На этом компьютере нет системного хранилища паролей, поэтому пароли не сохраняются. Введённый здесь пароль хранится в памяти до закрытия программы; иначе он будет запрошен, когда понадобится.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Stored in the system keyring; type to replace</source>
            <translation>Хранится в системном хранилище паролей; введите, чтобы заменить</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not set</source>
            <translation>Не задан</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Passwords are kept in the system keyring, never in files.</source>
            <translation>Пароли хранятся в системном хранилище паролей, а не в файлах.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../src/workstation/views/settings/dialog.py" line="+35" />
            <location line="+35" />
            <location line="+8" />
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings were not saved: %1</source>
            <translation>Настройки не сохранены: %1</translation>
        </message>
    </context>
    <context>
        <name>SipPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="+107" />
            <source>Off</source>
            <translation>Выключено</translation>
        </message>
        <message>
            <location line="+0" />
            <source>When the other side can</source>
            <translation>Когда другая сторона умеет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always (calls without it fail)</source>
            <translation>Всегда (звонки без него не состоятся)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>SIP account</source>
            <translation>SIP-аккаунт</translation>
        </message>
    </context>
    <context>
        <name>SipPageForm</name>
        <message>
            <location filename="../../ui/settings_sip.ui" line="+6" />
            <source>SIP account</source>
            <translation>SIP-аккаунт</translation>
        </message>
        <message>
            <location line="+4" />
            <source>User name</source>
            <translation>Имя пользователя</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Domain (registrar)</source>
            <translation>Домен (регистратор)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Outbound proxy</source>
            <translation>Исходящий прокси</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Transport</source>
            <translation>Транспорт</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Call audio encryption (SRTP)</source>
            <translation>Шифрование звука звонков (SRTP)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>TLS CA file</source>
            <translation>Файл ЦС для TLS</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Empty: the system's trusted CAs</source>
            <translation>Пусто: доверенные ЦС системы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PEM file of the CA that signed the PBX's TLS certificate</source>
            <translation>PEM-файл центра сертификации, подписавшего TLS-сертификат АТС</translation>
        </message>
    </context>
    <context>
        <name>SipWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+107" />
            <source>SIP account</source>
            <translation>SIP-аккаунт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The phone account from your PBX. Leave the user name empty to set it up later (the softphone stays off).</source>
            <translation>Телефонная учётная запись вашей АТС. Оставьте имя пользователя пустым, чтобы настроить её позже (софтфон будет выключен).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Test registration</source>
            <translation>Проверить регистрацию</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Type the user name and the domain (the PBX address).</source>
            <translation>Введите имя пользователя и домен (адрес АТС).</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Registering…</source>
            <translation>Регистрация…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Registered with %1.</source>
            <translation>Зарегистрирован на %1.</translation>
        </message>
    </context>
    <context>
        <name>SoftphoneWidget</name>
        <message>
            <location filename="../../src/workstation/views/softphone/widget.py" line="+224" />
            <source>Number or SIP address</source>
            <translation>Номер или SIP-адрес</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pad</source>
            <translation>Клавиатура</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dial pad (sends DTMF during a call)</source>
            <translation>Номеронабиратель (во время звонка отправляет DTMF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Call the number</source>
            <translation>Позвонить на номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer</source>
            <translation>Ответить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer (%1)</source>
            <translation>Ответить (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>Отклонить</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reject the call as busy</source>
            <translation>Отклонить звонок как «занято»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up</source>
            <translation>Положить трубку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up (%1)</source>
            <translation>Положить трубку (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hold</source>
            <translation>Удержание</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Put the call on hold / resume it</source>
            <translation>Поставить звонок на удержание / продолжить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mute</source>
            <translation>Без звука</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop sending your microphone (%1)</source>
            <translation>Выключить ваш микрофон (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+141" />
            <source>Transfer</source>
            <translation>Перевести</translation>
        </message>
        <message>
            <location line="-141" />
            <source>Transfer the call (blind)</source>
            <translation>Перевести звонок (без консультации)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consult…</source>
            <translation>Консультация…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attended transfer: hold this call and call the person to transfer it to (%1)</source>
            <translation>Перевод с консультацией: удержать этот звонок и позвонить тому, кому его перевести (%1)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Registered</source>
            <translation>Зарегистрирован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registering…</source>
            <translation>Регистрация…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not registered</source>
            <translation>Не зарегистрирован</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>Не в сети</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not registered: %1</source>
            <translation>Не зарегистрирован: %1</translation>
        </message>
        <message>
            <location line="+172" />
            <source>Calling…</source>
            <translation>Вызов…</translation>
        </message>
        <message>
            <location line="-56" />
            <source>Transfer the call to (number or SIP address):</source>
            <translation>Перевести звонок на (номер или SIP-адрес):</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Transferring…</source>
            <translation>Перевод…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Incoming call from %1</source>
            <translation>Входящий звонок от %1</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Incoming call</source>
            <translation>Входящий звонок</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Ringing…</source>
            <translation>Звонит…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Call ended: %1 %2</source>
            <translation>Звонок завершён: %1 %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Signalling over TLS and the audio encrypted (SRTP)</source>
            <translation>Сигнализация по TLS, звук зашифрован (SRTP)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The audio is encrypted (SRTP), but its keys went over signalling that is not encrypted</source>
            <translation>Звук зашифрован (SRTP), но его ключи переданы по незашифрованной сигнализации</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The call's audio is not encrypted</source>
            <translation>Звук звонка не зашифрован</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Incoming call: auto-answer in %1 s</source>
            <translation>Входящий звонок: автоответ через %1 с</translation>
        </message>
        <message>
            <location line="+5" />
            <source>In call %1</source>
            <translation>Разговор %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>on hold</source>
            <translation>на удержании</translation>
        </message>
        <message>
            <location line="+2" />
            <source>muted</source>
            <translation>звук выключен</translation>
        </message>
    </context>
    <context>
        <name>Stats</name>
        <message>
            <location filename="../../src/workstation/views/stats/__init__.py" line="+16" />
            <location line="+26" />
            <location filename="../../src/workstation/views/stats/widget.py" line="+442" />
            <source>Statistics</source>
            <translation>Статистика</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/model.py" line="+18" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation>Не ответил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успешно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Итого</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Average talk</source>
            <translation>Средний разговор</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: no answer</source>
            <translation>Звонок: не ответил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: busy</source>
            <translation>Звонок: занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: error</source>
            <translation>Звонок: ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: success</source>
            <translation>Звонок: успешно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time</source>
            <translation>Время звонков</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective calls</source>
            <translation>Результативные звонки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations</source>
            <translation>Презентации</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations assigned</source>
            <translation>Презентации: поручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices</source>
            <translation>Счета</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices assigned</source>
            <translation>Счета: поручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice sum</source>
            <translation>Сумма счетов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contacts</source>
            <translation>Контакты с ЛПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contacts assigned</source>
            <translation>Контакты с ЛПР: поручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo accesses</source>
            <translation>Демодоступы (ОДД)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo accesses assigned</source>
            <translation>Демодоступы: поручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warm clients</source>
            <translation>Тёплые клиенты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Продажи</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No plan</source>
            <translation>Без плана</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Behind the plan</source>
            <translation>Отставание от плана</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On track</source>
            <translation>По плану</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ahead of the plan</source>
            <translation>Опережение плана</translation>
        </message>
        <message>
            <location line="+78" />
            <location filename="../../src/workstation/views/stats/widget.py" line="-42" />
            <location line="+29" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1
Plan for the period: %2
Expected by now: %3
Done: %4</source>
            <translation>%1
План на период: %2
Ожидается к этому времени: %3
Сделано: %4</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Double-click to see the calls behind this number</source>
            <translation>Двойной щелчок — звонки, из которых сложилось это число</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/widget.py" line="-254" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Week</source>
            <translation>Неделя</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>Месяц</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Range</source>
            <translation>Период</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Period:</source>
            <translation>Период:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager:</source>
            <translation>Менеджер:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous period</source>
            <translation>Предыдущий период</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next period</source>
            <translation>Следующий период</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Table as CSV…</source>
            <translation>Таблица в CSV…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Table as XLSX…</source>
            <translation>Таблица в XLSX…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Calls per hour as CSV…</source>
            <translation>Звонки по часам в CSV…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Calls per hour as XLSX…</source>
            <translation>Звонки по часам в XLSX…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>All teams</source>
            <translation>Все команды</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Everybody</source>
            <translation>Все</translation>
        </message>
        <message>
            <location line="+101" />
            <source>Could not read the statistics: %1</source>
            <translation>Не удалось прочитать статистику: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Reading…</source>
            <translation>Чтение…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>As of %1 (%2)</source>
            <translation>Данные на %1 (%2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>local time</source>
            <translation>местное время</translation>
        </message>
        <message>
            <location line="+5" />
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared database unreachable: other managers' calls as of %1</source>
            <translation>Общая база недоступна: звонки других менеджеров на %1</translation>
        </message>
        <message>
            <location line="+39" />
            <source>The charts are still being read.</source>
            <translation>Графики ещё читаются.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Answered, %</source>
            <translation>Отвечено, %</translation>
        </message>
        <message>
            <location line="+11" />
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+7" />
            <location line="+32" />
            <source>Export statistics</source>
            <translation>Экспорт статистики</translation>
        </message>
        <message>
            <location line="-27" />
            <source>%1: plan</source>
            <translation>%1: план</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exporting…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The file was not written: %1</source>
            <translation>Файл не записан: %1</translation>
        </message>
    </context>
    <context>
        <name>StatsCharts</name>
        <message>
            <location filename="../../src/workstation/views/stats/charts.py" line="+55" />
            <source>Calls per hour</source>
            <translation>Звонки по часам</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome mix</source>
            <translation>Итоги звонков</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective calls by week</source>
            <translation>Результативные по неделям</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer rate by hour</source>
            <translation>Дозвон по часам</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Others (average)</source>
            <translation>Остальные (в среднем)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+22" />
            <source>Calls</source>
            <translation>Звонки</translation>
        </message>
        <message>
            <location line="-21" />
            <location line="+48" />
            <source>Hour of day</source>
            <translation>Час дня</translation>
        </message>
        <message>
            <location line="-43" />
            <source>No answer</source>
            <translation>Не ответил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успешно</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Effective calls (bars) and plan (line)</source>
            <translation>Результативные (столбцы) и план (линия)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Week starting</source>
            <translation>Неделя с</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Answered, %</source>
            <translation>Отвечено, %</translation>
        </message>
    </context>
    <context>
        <name>StatsDrill</name>
        <message>
            <location filename="../../src/workstation/views/stats/drill.py" line="+24" />
            <source>No answer</source>
            <translation>Не ответил</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Занято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успешно</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Positive</source>
            <translation>Положительный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative</source>
            <translation>Отрицательный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfactory</source>
            <translation>Удовлетворительный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undefined</source>
            <translation>Неопределённый</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Lead</source>
            <translation>Лид</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Outcome</source>
            <translation>Итог</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk</source>
            <translation>Разговор</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show in the calls browser</source>
            <translation>Показать в журнале звонков</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Could not read the list: %1</source>
            <translation>Не удалось прочитать список: %1</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+14" />
            <source>Import finished</source>
            <translation>Импорт завершён</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Rows read: %1. New leads: %2. Merged into existing leads: %3. Rejected rows: %4. Warnings: %5.</source>
            <translation>Прочитано строк: %1. Новых лидов: %2. Объединено с существующими: %3. Отклонено строк: %4. Предупреждений: %5.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Rejected rows and warnings were written to %1</source>
            <translation>Отклонённые строки и предупреждения записаны в %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No rows were rejected.</source>
            <translation>Отклонённых строк нет.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>warning</source>
            <translation>предупреждение</translation>
        </message>
        <message>
            <location line="+0" />
            <source>rejected</source>
            <translation>отклонено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>line %1, %2: %3</source>
            <translation>строка %1, %2: %3</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../src/workstation/views/syncstatus.py" line="+38" />
            <source>Local only</source>
            <translation>Только локально</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No shared database is set: this workstation works alone.</source>
            <translation>Общая база данных не задана: это рабочее место работает автономно.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Synced</source>
            <translation>Синхронизировано</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Offline</source>
            <translation>Не в сети</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%1 · %n waiting</source>
            <translation>
                <numerusform>%1 · %n ожидает</numerusform>
                <numerusform>%1 · %n ожидают</numerusform>
                <numerusform>%1 · %n ожидают</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%1 · %n refused</source>
            <translation>
                <numerusform>%1 · %n отклонено</numerusform>
                <numerusform>%1 · %n отклонено</numerusform>
                <numerusform>%1 · %n отклонено</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 · not verified</source>
            <translation>%1 · не проверено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared database: %1
Changes waiting to be sent: %2
Last sync: %3</source>
            <translation>Общая база данных: %1
Изменений ждут отправки: %2
Последняя синхронизация: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>connected</source>
            <translation>подключено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unreachable; changes are kept and sent later</source>
            <translation>недоступна; изменения сохранены и будут отправлены позже</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The connection does not check the server's certificate (db.allow_insecure_tls): someone on the network could pose as it.</source>
            <translation>Соединение не проверяет сертификат сервера (db.allow_insecure_tls): кто-то в сети может выдать себя за него.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n change(s) refused by the shared database and kept on this workstation (workstation sync status lists them):</source>
            <translation>
                <numerusform>%n изменение отклонено общей базой и сохранено на этом рабочем месте (список: workstation sync status):</numerusform>
                <numerusform>%n изменения отклонены общей базой и сохранены на этом рабочем месте (список: workstation sync status):</numerusform>
                <numerusform>%n изменений отклонены общей базой и сохранены на этом рабочем месте (список: workstation sync status):</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TablePanel</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="+85" />
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save this table as CSV or XLSX</source>
            <translation>Сохранить таблицу в CSV или XLSX</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export the table</source>
            <translation>Экспорт таблицы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
            <translation>Книга Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Export failed: %1</source>
            <translation>Экспорт не удался: %1</translation>
        </message>
    </context>
    <context>
        <name>TeamsPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-290" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Active members</source>
            <translation>Активных участников</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Team name</source>
            <translation>Название команды</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add team</source>
            <translation>Добавить команду</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Select a team first.</source>
            <translation>Сначала выберите команду.</translation>
        </message>
    </context>
    <context>
        <name>TelephonyEngine</name>
        <message>
            <location filename="../../src/workstation/telephony/engine.py" line="+152" />
            <source>sip.srtp: expected off, optional or mandatory, got %1</source>
            <translation>sip.srtp: ожидается off, optional или mandatory, получено %1</translation>
        </message>
        <message>
            <location line="+36" />
            <source>SIP account error: %1</source>
            <translation>Ошибка SIP-аккаунта: %1</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/transports.py" line="+64" />
            <source>TLS: the CA file %1 (sip.tls_ca_file) does not exist</source>
            <translation>TLS: файла центра сертификации %1 (sip.tls_ca_file) не существует</translation>
        </message>
        <message>
            <location line="+4" />
            <source>TLS: no trusted CA certificates found on this computer; set sip.tls_ca_file</source>
            <translation>TLS: на этом компьютере не найдены доверенные сертификаты центров сертификации; задайте sip.tls_ca_file</translation>
        </message>
        <message>
            <location line="+68" />
            <source>TLS: the PBX's certificate was refused: %1</source>
            <translation>TLS: сертификат АТС отклонён: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate has expired (or is not valid yet)</source>
            <translation>TLS: сертификат АТС просрочен (или ещё не действует)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate is not for the host name %1</source>
            <translation>TLS: сертификат АТС выдан не на имя хоста %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate is signed by an unknown CA (self-signed, or not in sip.tls_ca_file)</source>
            <translation>TLS: сертификат АТС подписан неизвестным центром сертификации (самоподписанный или его нет в sip.tls_ca_file)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>TLS: no secure connection to the PBX (%1); this softphone needs TLS 1.2</source>
            <translation>TLS: нет защищённого соединения с АТС (%1); этому софтфону нужен TLS 1.2</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/signalling.py" line="+76" />
            <source>The call has already ended.</source>
            <translation>Звонок уже завершён.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Enter a number to call.</source>
            <translation>Введите номер для звонка.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No SIP account is set up: cannot dial a number.</source>
            <translation>SIP-аккаунт не настроен: позвонить нельзя.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The SIP engine is not running.</source>
            <translation>SIP-движок не запущен.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cannot call %1: %2</source>
            <translation>Не удаётся позвонить на %1: %2</translation>
        </message>
        <message>
            <location line="+129" />
            <source>DTMF digits must be 0-9, *, #, A-D.</source>
            <translation>Цифры DTMF: 0-9, *, #, A-D.</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/callmedia.py" line="+161" />
            <source>Cannot record the call: %1</source>
            <translation>Не удаётся записать звонок: %1</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/lines.py" line="+114" />
            <source>Both calls must be answered to join them.</source>
            <translation>Чтобы объединить звонки, оба должны быть приняты.</translation>
        </message>
        <message>
            <location line="+82" />
            <source>Could not send the call to voicemail: %1</source>
            <translation>Не удалось перевести звонок на голосовую почту: %1</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../src/workstation/views/tray.py" line="+24" />
            <source>Show Workstation</source>
            <translation>Показать рабочее место</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quit</source>
            <translation>Выход</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-153" />
            <source>Login</source>
            <translation>Логин</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP extension</source>
            <translation>Внутренний номер SIP</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SIP user name</source>
            <translation>Имя пользователя SIP</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+15" />
            <source>Active</source>
            <translation>Активен</translation>
        </message>
        <message>
            <location line="+6" />
            <source>to make the login in the shared database</source>
            <translation>чтобы создать вход в общей базе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The SIP password is not kept here: each user enters it in Settings on their own workstation, where it stays in the system keyring.</source>
            <translation>Пароль SIP здесь не хранится: каждый пользователь вводит его в Настройках на своей станции, где он остаётся в системном хранилище ключей.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role:</source>
            <translation>Роль:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP extension:</source>
            <translation>Внутренний номер SIP:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP user name:</source>
            <translation>Имя пользователя SIP:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database password:</source>
            <translation>Пароль базы данных:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add user</source>
            <translation>Добавить пользователя</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save changes</source>
            <translation>Сохранить изменения</translation>
        </message>
        <message>
            <location line="+21" />
            <source>— no team —</source>
            <translation>— без команды —</translation>
        </message>
        <message>
            <location line="+6" />
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>нет</translation>
        </message>
    </context>
    <context>
        <name>WaveformView</name>
        <message>
            <location filename="../../src/workstation/views/calls/waveform.py" line="+163" />
            <source>ringing</source>
            <translation>звонит</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Client</source>
            <translation>Клиент</translation>
        </message>
    </context>
    <context>
        <name>WrapUp</name>
        <message>
            <location filename="../../src/workstation/views/workspace/wrapup.py" line="+37" />
            <source>Offer sent</source>
            <translation>КП отправлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentation</source>
            <translation>Презентация</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo access</source>
            <translation>Демодоступ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contact</source>
            <translation>Контакт с ЛПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice</source>
            <translation>Счёт</translation>
        </message>
    </context>
    <context>
        <name>WrapUpForm</name>
        <message>
            <location line="+50" />
            <location line="+5" />
            <source>— choose —</source>
            <translation>— выберите —</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+5" />
            <source>— unchanged —</source>
            <translation>— без изменений —</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What was said, what was agreed</source>
            <translation>Что сказали, о чём договорились</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tools used</source>
            <translation>Использованные инструменты</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Invoice sum: </source>
            <translation>Сумма счёта: </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Next contact</source>
            <translation>Следующий контакт</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remind</source>
            <translation>Напомнить</translation>
        </message>
        <message>
            <location line="+7" />
            <source> min before</source>
            <translation> мин до</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New deal</source>
            <translation>Новая сделка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Client refused recording</source>
            <translation>Клиент отказался от записи</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save wrap-up</source>
            <translation>Сохранить итоги</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Discard</source>
            <translation>Сбросить</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Drop what was typed for this call: the card's edits and the wrap-up</source>
            <translation>Отбросить введённое для этого звонка: правки карточки и итоги звонка</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Call</source>
            <translation>Звонок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип лида</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Этап</translation>
        </message>
        <message>
            <location line="+64" />
            <location line="+70" />
            <source>in progress</source>
            <translation>идёт</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Choose the result of the call.</source>
            <translation>Выберите результат звонка.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a reason for the result %1.</source>
            <translation>Выберите причину для результата «%1».</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The next contact is in the past.</source>
            <translation>Следующий контакт — в прошлом.</translation>
        </message>
    </context>
    <context>
        <name>owner</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="-100" />
            <source>Wrong user name or password.</source>
            <translation>Неверное имя пользователя или пароль.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server name is not found (DNS): check the address.</source>
            <translation>Имя сервера не найдено (DNS): проверьте адрес.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server refused the connection: check the port and that it runs.</source>
            <translation>Сервер отклонил соединение: проверьте порт и что сервер запущен.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The secure connection (SSL) failed: check sslmode and the certificate.</source>
            <translation>Защищённое соединение (SSL) не удалось: проверьте sslmode и сертификат.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No answer from the server: check the network and VPN.</source>
            <translation>Сервер не отвечает: проверьте сеть и VPN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cannot sign in.</source>
            <translation>Не удаётся войти.</translation>
        </message>
        <message>
            <location line="+103" />
            <source>Wrong user name or password (the PBX answered %1).</source>
            <translation>Неверное имя пользователя или пароль (АТС ответила %1).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The PBX does not know this user.</source>
            <translation>АТС не знает этого пользователя.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 cannot be found or reached (DNS, address).</source>
            <translation>%1 не найден или недоступен (DNS, адрес).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The TLS connection failed (certificate?): %1</source>
            <translation>TLS-соединение не удалось (сертификат?): %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No answer from %1: check the address and the network.</source>
            <translation>Нет ответа от %1: проверьте адрес и сеть.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Registration failed: %1</source>
            <translation>Регистрация не удалась: %1</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="-16" />
            <source>Leads</source>
            <translation>Лиды</translation>
        </message>
    </context>
</TS>
